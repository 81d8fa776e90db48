package com.acme.pos;

public record AuthResult(String authId, String responseCode) {}
