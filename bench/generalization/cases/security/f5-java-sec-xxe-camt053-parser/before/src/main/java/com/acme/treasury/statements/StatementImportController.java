package com.acme.treasury.statements;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
public class StatementImportController {

    private final CsvStatementParser csv = new CsvStatementParser();

    @PostMapping("/statements/import")
    public ResponseEntity<List<StatementLine>> importStatement(@RequestParam("file") MultipartFile file)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            return ResponseEntity.ok(csv.parse(in));
        }
    }
}
