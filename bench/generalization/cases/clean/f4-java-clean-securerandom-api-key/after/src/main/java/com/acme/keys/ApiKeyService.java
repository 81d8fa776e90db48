package com.acme.keys;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.springframework.stereotype.Service;

@Service
public class ApiKeyService {

    private static final SecureRandom KEY_RANDOM = new SecureRandom();
    private final ApiKeyRepository repository;

    public ApiKeyService(ApiKeyRepository repository) {
        this.repository = repository;
    }

    public String issue(long merchantId) {
        byte[] raw = new byte[24];
        KEY_RANDOM.nextBytes(raw);
        String key = "ak_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        repository.save(merchantId, key);
        return key;
    }

    public List<String> previewOrder(List<String> sampleRows, long seed) {
        List<String> rows = new ArrayList<>(sampleRows);
        Collections.shuffle(rows, new Random(seed));
        return rows;
    }

    public boolean revoke(long merchantId, String key) {
        return repository.delete(merchantId, key);
    }
}
