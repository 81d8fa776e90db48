package com.example.auth;

import java.util.logging.Logger;

public class LoginController {
    private static final Logger log = Logger.getLogger(LoginController.class.getName());
    private final Authenticator auth;

    public LoginController(Authenticator auth) {
        this.auth = auth;
    }

    public boolean login(String username, String password) {
        return auth.check(username, password);
    }
}
