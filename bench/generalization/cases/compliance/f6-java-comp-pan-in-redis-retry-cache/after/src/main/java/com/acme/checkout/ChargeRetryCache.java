package com.acme.checkout;

import java.time.Duration;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

@Component
public class ChargeRetryCache {

    private static final Duration TTL = Duration.ofMinutes(30);

    private final StringRedisTemplate redis;

    public ChargeRetryCache(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public void rememberForRetry(String checkoutId, ChargeRequest request) {
        String key = "checkout:retry:" + checkoutId;
        Map<String, String> fields = Map.of(
                "amountMinor", String.valueOf(request.amountMinor()),
                "currency", request.currency(),
                "pan", request.card().number(),
                "expiry", request.card().expiry());
        redis.opsForHash().putAll(key, fields);
        redis.expire(key, TTL);
    }
}
