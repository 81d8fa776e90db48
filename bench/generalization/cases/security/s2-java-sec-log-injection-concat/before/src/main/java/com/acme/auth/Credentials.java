package com.acme.auth;

public interface Credentials {
    boolean check(String username, String password);
}
