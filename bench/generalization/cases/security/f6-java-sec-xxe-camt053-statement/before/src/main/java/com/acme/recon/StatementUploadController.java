package com.acme.recon;

import java.io.IOException;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/recon/statements")
public class StatementUploadController {

    private final CsvStatementParser csvParser;

    public StatementUploadController(CsvStatementParser csvParser) {
        this.csvParser = csvParser;
    }

    @PostMapping
    public ResponseEntity<Integer> upload(@RequestParam("file") MultipartFile file) throws Exception {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        List<StatementEntry> entries;
        if (name.endsWith(".csv")) {
            entries = csvParser.parse(file.getInputStream());
        } else {
            throw new IOException("unsupported statement format: " + name);
        }
        return ResponseEntity.ok(entries.size());
    }
}
