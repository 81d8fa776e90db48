package com.acme.statements;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

public class Archiver {

    public enum Result { ARCHIVED, SKIPPED }

    private final File archiveDir;

    public Archiver(File archiveDir) {
        this.archiveDir = archiveDir;
    }

    public Result archive(File statement, File tempCopy) throws IOException {
        if (!statement.isFile()) {
            return Result.SKIPPED;
        }
        File target = new File(archiveDir, statement.getName());
        Files.move(statement.toPath(), target.toPath(), StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(tempCopy.toPath());
        return Result.ARCHIVED;
    }
}
