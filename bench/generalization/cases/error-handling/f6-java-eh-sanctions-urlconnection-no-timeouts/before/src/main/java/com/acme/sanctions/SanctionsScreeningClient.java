package com.acme.sanctions;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

public class SanctionsScreeningClient {

    private final String baseUrl;
    private final String apiKey;
    private final ObjectMapper mapper = new ObjectMapper();

    public SanctionsScreeningClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    public ScreeningResult screen(String fullName, String countryCode) throws IOException {
        String query = "name=" + URLEncoder.encode(fullName, StandardCharsets.UTF_8)
                + "&country=" + URLEncoder.encode(countryCode, StandardCharsets.UTF_8);
        URL url = new URL(baseUrl + "/v1/screen?" + query);
        HttpURLConnection conn = (HttpURLConnection) url.openConnection();
        conn.setRequestMethod("GET");
        conn.setConnectTimeout(3_000);
        conn.setReadTimeout(10_000);
        conn.setRequestProperty("Authorization", "Bearer " + apiKey);
        try (InputStream in = conn.getInputStream()) {
            return mapper.readValue(in, ScreeningResult.class);
        } finally {
            conn.disconnect();
        }
    }
}
