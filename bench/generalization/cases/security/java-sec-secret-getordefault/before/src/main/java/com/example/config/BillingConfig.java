package com.example.config;

public final class BillingConfig {
    public static final String CURRENCY = System.getenv().getOrDefault("CURRENCY", "EUR");

    private BillingConfig() {}
}
