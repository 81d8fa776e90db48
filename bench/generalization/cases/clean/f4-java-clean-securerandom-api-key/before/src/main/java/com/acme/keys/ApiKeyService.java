package com.acme.keys;

import java.util.Base64;
import org.springframework.stereotype.Service;

@Service
public class ApiKeyService {

    private final ApiKeyRepository repository;

    public ApiKeyService(ApiKeyRepository repository) {
        this.repository = repository;
    }

    public boolean revoke(long merchantId, String key) {
        return repository.delete(merchantId, key);
    }
}
