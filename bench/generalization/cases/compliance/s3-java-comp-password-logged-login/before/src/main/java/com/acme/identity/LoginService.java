package com.acme.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

@Service
public class LoginService {
    private static final Logger LOG = LoggerFactory.getLogger(LoginService.class);
    private final UserRepository users;
    private final PasswordEncoder encoder;

    public LoginService(UserRepository users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    public boolean login(LoginForm form) {
        User user = users.findByUsername(form.getUsername()).orElse(null);
        if (user == null || !encoder.matches(form.getPassword(), user.getPasswordHash())) {
            LOG.warn("failed login for {}", form.getUsername());
            return false;
        }
        return true;
    }
}
