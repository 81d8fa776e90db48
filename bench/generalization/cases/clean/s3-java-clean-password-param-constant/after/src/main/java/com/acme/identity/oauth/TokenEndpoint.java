package com.acme.identity.oauth;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class TokenEndpoint {
    static final String PASSWORD_PARAM = "password";
    static final String CLIENT_SECRET_PARAM = "client_secret";
    static final String GRANT_PASSWORD = "password";
    private final TokenService tokens;

    public TokenEndpoint(TokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping(path = "/oauth/token", consumes = "application/x-www-form-urlencoded")
    public TokenResponse token(@RequestBody MultiValueMap<String, String> form) {
        String grant = form.getFirst("grant_type");
        if (GRANT_PASSWORD.equals(grant)) {
            return tokens.issue(grant, form.getFirst("username"), form.getFirst(PASSWORD_PARAM));
        }
        return tokens.clientCredentials(form.getFirst("client_id"), form.getFirst(CLIENT_SECRET_PARAM));
    }
}
