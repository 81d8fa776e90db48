package com.acme.fx;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

public class RateFetcher {
    private static final String RATES = "https://fx.partner.example/v2/rates?from=%s&to=%s";

    public String fetch(String from, String to) throws IOException {
        URL url = new URL(String.format(RATES, from, to));
        HttpURLConnection http = (HttpURLConnection) url.openConnection();
        http.setRequestProperty("Accept", "application/json");
        try (InputStream in = http.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            http.disconnect();
        }
    }
}
