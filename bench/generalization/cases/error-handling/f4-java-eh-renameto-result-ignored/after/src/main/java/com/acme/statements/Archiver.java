package com.acme.statements;

import java.io.File;

public class Archiver {

    public enum Result { ARCHIVED, SKIPPED }

    private final File archiveDir;

    public Archiver(File archiveDir) {
        this.archiveDir = archiveDir;
    }

    public Result archive(File statement, File tempCopy) {
        if (!statement.isFile()) {
            return Result.SKIPPED;
        }
        File target = new File(archiveDir, statement.getName());
        statement.renameTo(target);
        tempCopy.delete();
        return Result.ARCHIVED;
    }
}
