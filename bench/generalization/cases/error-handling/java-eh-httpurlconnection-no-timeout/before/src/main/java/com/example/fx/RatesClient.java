package com.example.fx;

public class RatesClient {
    private final String base;

    public RatesClient(String base) {
        this.base = base;
    }
}
