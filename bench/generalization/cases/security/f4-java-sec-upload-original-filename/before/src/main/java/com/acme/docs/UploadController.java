package com.acme.docs;

import java.io.File;
import java.io.IOException;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
public class UploadController {

    private final File uploadDir;

    public UploadController(@Value("${docs.upload-dir}") String uploadDir) {
        this.uploadDir = new File(uploadDir);
    }

    @PostMapping("/documents")
    public ResponseEntity<Map<String, String>> upload(@RequestParam("file") MultipartFile file)
            throws IOException {
        File target = new File(uploadDir, java.util.UUID.randomUUID() + ".bin");
        file.transferTo(target);
        return ResponseEntity.ok(Map.of("stored", target.getName()));
    }
}
