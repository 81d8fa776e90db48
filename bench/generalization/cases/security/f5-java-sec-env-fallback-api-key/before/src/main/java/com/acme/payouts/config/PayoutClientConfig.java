package com.acme.payouts.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class PayoutClientConfig {

    @Bean
    public PayoutClient payoutClient() {
        String apiKey = System.getenv("PAYOUT_API_KEY");
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalStateException("PAYOUT_API_KEY is not set");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return new PayoutClient(http, URI.create("https://api.payout-partner.example/v2"), apiKey);
    }
}
