package com.acme.export;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ExportController {

    private final PdfRenderer renderer;

    public ExportController(PdfRenderer renderer) {
        this.renderer = renderer;
    }

    @PostMapping("/export/pdf")
    public ResponseEntity<byte[]> export(@RequestParam("url") String url) throws Exception {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(renderer.render(url));
    }
}
