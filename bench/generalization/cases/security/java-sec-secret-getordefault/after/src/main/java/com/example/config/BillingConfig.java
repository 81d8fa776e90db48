package com.example.config;

public final class BillingConfig {
    public static final String CURRENCY = System.getenv().getOrDefault("CURRENCY", "EUR");
    public static final String STRIPE_KEY =
            System.getenv().getOrDefault("STRIPE_SECRET_KEY", "sk_live_51HvT3kLmN8pQ2rS5tU7vW9xY1zA3bC");

    private BillingConfig() {}
}
