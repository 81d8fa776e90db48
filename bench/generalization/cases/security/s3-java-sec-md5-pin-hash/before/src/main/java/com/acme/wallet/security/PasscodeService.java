package com.acme.wallet.security;

import org.springframework.stereotype.Service;

@Service
public class PasscodeService {
    private final PasscodeRepository repository;

    public PasscodeService(PasscodeRepository repository) {
        this.repository = repository;
    }
}
