package com.acme.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;

@Service
public class PdfRenderer {

    private static final String BINARY = "/usr/local/bin/wkhtmltopdf";

    public byte[] render(String pageUrl) throws IOException, InterruptedException {
        Path out = Files.createTempFile("export-", ".pdf");
        Process proc = new ProcessBuilder(BINARY, "--quiet", "--", pageUrl, out.toString()).start();
        if (!proc.waitFor(60, TimeUnit.SECONDS)) {
            proc.destroyForcibly();
            throw new IOException("pdf render timed out");
        }
        try {
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
