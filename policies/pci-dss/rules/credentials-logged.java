package com.example.auth;

import java.util.logging.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

public class LoginService {
    private static final Logger log = Logger.getLogger(LoginService.class.getName());
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(LoginService.class);

    public void login(String username, String password, Credentials creds) {
        // ruleid: pci-credential-logged-java
        log.fine("login attempt user=" + username + " password=" + password);
        // ruleid: pci-credential-logged-java
        LOG.debug("token issued for {}: {}", username, creds.getAccessToken());
        // ruleid: pci-credential-logged-java
        MDC.put("api_key", creds.apiKey);
        // ruleid: pci-credential-logged-java
        System.out.println("secret=" + creds.getClientSecret());

        // ok: pci-credential-logged-java
        log.info("login attempt user=" + username);
        // ok: pci-credential-logged-java
        LOG.debug("password supplied: {}", password != null);
        // ok: pci-credential-logged-java
        LOG.debug("password length {}", password.length());
        // ok: pci-credential-logged-java
        LOG.info("token expires at {}", creds.getTokenExpiresAt());
        // ok: pci-credential-logged-java
        log.warning("password reset requested for " + username);
    }
}
