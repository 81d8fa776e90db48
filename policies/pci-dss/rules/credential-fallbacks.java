package com.example.config;

import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;

public class PaymentsConfig {
    // ruleid: pci-credential-env-fallback-java
    private final String stripeKey = System.getenv().getOrDefault("STRIPE_KEY", "rk_prod_51HvT3kLmN8pQ2rS5tU7vW9");
    // ok: pci-credential-env-fallback-java
    private final String currency = System.getenv().getOrDefault("CURRENCY", "EUR");
    // ruleid: pci-credential-env-fallback-java
    private final String apiToken = Optional.ofNullable(System.getenv("API_TOKEN")).orElse("9f8e7d6c5b4a39281706f5e4");
    // ok: pci-credential-env-fallback-java
    private final String tokenUrl = Optional.ofNullable(System.getenv("TOKEN_URL")).orElse("https://auth.internal/token");
    // ruleid: pci-credential-env-fallback-java
    private final String dbPass = Objects.requireNonNullElse(System.getenv("DB_PASS"), "Pr0d-Passw0rd!");

    // ruleid: pci-credential-env-fallback-java
    @Value("${acquirer.api-key:ak_7f3e9b2c1d4a5e6f8091}")
    private String acquirerKey;

    // ok: pci-credential-env-fallback-java
    @Value("${acquirer.api-key-header:X-Api-Key}")
    private String acquirerKeyHeader;

    // ok: pci-credential-env-fallback-java
    @Value("${acquirer.secret:}")
    private String acquirerSecret;

    String webhookSecret() {
        String secret = System.getenv("WEBHOOK_SECRET");
        if (secret == null || secret.isEmpty()) {
            // ruleid: pci-credential-env-fallback-java
            secret = "whsec_9a8b7c6d5e4f3a2b1c";
        }
        return secret;
    }

    String timeout() {
        String timeout = System.getenv("HTTP_TIMEOUT");
        if (timeout == null) {
            // ok: pci-credential-env-fallback-java
            timeout = "30000";
        }
        return timeout;
    }
}
