package com.example.fx;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;

public class RatesClient {
    private final String base;

    public RatesClient(String base) {
        this.base = base;
    }

    public byte[] latest(String currency) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) new URL(base + "/latest?base=" + currency).openConnection();
        conn.setRequestMethod("GET");
        try (InputStream in = conn.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
