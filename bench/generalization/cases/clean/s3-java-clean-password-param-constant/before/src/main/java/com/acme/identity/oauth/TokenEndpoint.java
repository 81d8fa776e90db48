package com.acme.identity.oauth;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class TokenEndpoint {
    private final TokenService tokens;

    public TokenEndpoint(TokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping(path = "/oauth/token", consumes = "application/x-www-form-urlencoded")
    public TokenResponse token(@RequestBody MultiValueMap<String, String> form) {
        return tokens.issue(form.getFirst("grant_type"), form.getFirst("username"), form.getFirst("password"));
    }
}
