package com.example.reports;

import java.io.IOException;
import java.nio.file.Path;

public class Exporter {
    private final Path outDir;

    public Exporter(Path outDir) {
        this.outDir = outDir;
    }

    public int compress(String reportName) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(
                "sh", "-c", "gzip -k " + outDir.resolve(reportName) + " && ls -l " + outDir);
        return pb.inheritIO().start().waitFor();
    }
}
