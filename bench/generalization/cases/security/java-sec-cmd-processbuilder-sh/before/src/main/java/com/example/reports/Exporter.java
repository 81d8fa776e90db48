package com.example.reports;

import java.nio.file.Path;

public class Exporter {
    private final Path outDir;

    public Exporter(Path outDir) {
        this.outDir = outDir;
    }
}
