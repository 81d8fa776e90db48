package com.example.config;

import java.io.FileInputStream;
import java.io.IOException;
import java.util.Properties;

public class Settings {
    private final Properties props = new Properties();

    public String get(String key) {
        return props.getProperty(key);
    }

    public void load(String path) throws IOException {
        FileInputStream in = new FileInputStream(path);
        props.load(in);
    }
}
