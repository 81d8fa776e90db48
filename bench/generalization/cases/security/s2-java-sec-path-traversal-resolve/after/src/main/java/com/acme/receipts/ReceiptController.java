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
    private static final Path ROOT = Paths.get("/srv/receipts");

    @GetMapping("/receipts/download")
    public ResponseEntity<byte[]> download(@RequestParam("name") String name) throws IOException {
        byte[] pdf = Files.readAllBytes(ROOT.resolve(name));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(pdf);
    }
}
