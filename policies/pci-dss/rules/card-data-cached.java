package com.example.checkout;

public class CardCache {
    void hold(String sid, PaymentRequest req) {
        // ruleid: pci-pan-cached-java
        redisTemplate.opsForValue().set("pan:" + sid, req.getCardNumber());
        // ok: pci-pan-cached-java
        redisTemplate.opsForValue().set("tok:" + sid, req.getCardToken());
    }
}

class JedisCardCache {
    void hold(String sid, String cardNumber, String cardToken) {
        // ruleid: pci-pan-cached-java
        jedis.setex("pan:" + sid, 600, cardNumber);
        // ok: pci-pan-cached-java
        jedis.setex("tok:" + sid, 600, cardToken);
    }
}
