package com.example.auth;

public final class AuthConstants {
    public static final String PASSWORD_RESET = "password_reset";
    public static final String TOKEN_HEADER = "X-Api-Token";
    public static final String PASSWORD_PROPERTY = "app.datasource.password";
    public static final String MSG_CARD_NUMBER_INVALID = "The card number is invalid";

    private AuthConstants() {}
}
