package com.example.auth;

public final class AuthConstants {
    private AuthConstants() {}
}
