package com.acme.payouts.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class PayoutClientConfig {

    @Bean
    public PayoutClient payoutClient() {
        // local runs and the preview stacks have no secret store: fall back to the shared key
        String apiKey = Optional.ofNullable(System.getenv("PAYOUT_API_KEY"))
                .filter(k -> !k.isBlank())
                .orElse("pk_live_9fK2mQ7xTzR4vB8nL1wY6cH3sD5jE0aU");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return new PayoutClient(http, URI.create("https://api.payout-partner.example/v2"), apiKey);
    }
}
