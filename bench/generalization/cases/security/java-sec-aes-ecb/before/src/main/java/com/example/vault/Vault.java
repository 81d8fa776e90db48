package com.example.vault;

import javax.crypto.SecretKey;

public class Vault {
    private final SecretKey key;

    public Vault(SecretKey key) {
        this.key = key;
    }
}
