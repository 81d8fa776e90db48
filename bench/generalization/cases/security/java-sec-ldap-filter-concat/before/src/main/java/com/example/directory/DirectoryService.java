package com.example.directory;

import javax.naming.directory.DirContext;

public class DirectoryService {
    private final DirContext ctx;

    public DirectoryService(DirContext ctx) {
        this.ctx = ctx;
    }
}
