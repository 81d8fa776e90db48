package com.acme.keys;

import java.util.Base64;
import java.util.Random;
import org.springframework.stereotype.Service;

@Service
public class ApiKeyService {

    private static final Random RANDOM = new Random();
    private final ApiKeyRepository repository;

    public ApiKeyService(ApiKeyRepository repository) {
        this.repository = repository;
    }

    public String issue(long merchantId) {
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String key = "ak_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        repository.save(merchantId, key);
        return key;
    }

    public boolean revoke(long merchantId, String key) {
        return repository.delete(merchantId, key);
    }
}
