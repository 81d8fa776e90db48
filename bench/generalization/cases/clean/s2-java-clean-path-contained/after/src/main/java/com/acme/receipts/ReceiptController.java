package com.acme.receipts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ReceiptController {
    private static final Path ROOT = Paths.get("/srv/receipts").toAbsolutePath().normalize();

    @GetMapping("/receipts/download")
    public ResponseEntity<byte[]> download(@RequestParam("name") String name) throws IOException {
        Path target = ROOT.resolve(name).normalize();
        if (!target.startsWith(ROOT) || !Files.isRegularFile(target)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(Files.readAllBytes(target));
    }
}
