package com.acme.recon;

import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
public class StatementController {
    private final ReconService recon;
    private final CamtImporter camt;

    public StatementController(ReconService recon, CamtImporter camt) {
        this.recon = recon;
        this.camt = camt;
    }

    @PostMapping("/statements/csv")
    public int uploadCsv(@RequestParam("file") MultipartFile file) throws Exception {
        return recon.matchCsv(file.getInputStream());
    }

    @PostMapping("/statements/camt")
    public int uploadCamt(@RequestParam("file") MultipartFile file) throws Exception {
        List<String> refs = camt.entryReferences(file.getInputStream());
        return recon.matchReferences(refs);
    }
}
