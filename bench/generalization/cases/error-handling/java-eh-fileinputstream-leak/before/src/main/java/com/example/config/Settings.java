package com.example.config;

import java.util.Properties;

public class Settings {
    private final Properties props = new Properties();

    public String get(String key) {
        return props.getProperty(key);
    }
}
