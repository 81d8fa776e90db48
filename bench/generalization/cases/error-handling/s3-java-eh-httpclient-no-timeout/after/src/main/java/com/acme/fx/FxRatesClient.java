package com.acme.fx;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.stereotype.Component;

@Component
public class FxRatesClient {
    private final HttpClient http = HttpClient.newBuilder().build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final URI base = URI.create("https://fx.example.net/v1/");

    public BigDecimal rate(String from, String to) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("rates?from=" + from + "&to=" + to))
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return mapper.readTree(response.body()).get("rate").decimalValue();
    }
}
