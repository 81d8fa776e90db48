package com.example.auth;

public class TokenRefresher {
    private final OAuthClient client;
    private volatile String token;

    public TokenRefresher(OAuthClient client) {
        this.client = client;
    }

    public String token() {
        return token;
    }

    public void refresh() {
        try {
            token = client.refresh();
        } catch (Exception ignored) {
        }
    }
}
