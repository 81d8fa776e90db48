package com.acme.recon;

import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
public class StatementController {
    private final ReconService recon;

    public StatementController(ReconService recon) {
        this.recon = recon;
    }

    @PostMapping("/statements/csv")
    public int uploadCsv(@RequestParam("file") MultipartFile file) throws Exception {
        return recon.matchCsv(file.getInputStream());
    }
}
