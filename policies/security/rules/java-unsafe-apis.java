package com.example.unsafe;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;
import com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.lang3.RandomStringUtils;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;
import org.springframework.expression.spel.support.StandardEvaluationContext;

class JsonConfig {
    ObjectMapper legacy() {
        ObjectMapper mapper = new ObjectMapper();
        // ruleid: sec-jackson-default-typing-java
        mapper.enableDefaultTyping();
        return mapper;
    }

    ObjectMapper laissezFaire() {
        ObjectMapper mapper = new ObjectMapper();
        // ruleid: sec-jackson-default-typing-java
        mapper.activateDefaultTyping(
                LaissezFaireSubTypeValidator.instance, ObjectMapper.DefaultTyping.NON_FINAL);
        return mapper;
    }

    ObjectMapper anyObject() {
        PolymorphicTypeValidator ptv =
                BasicPolymorphicTypeValidator.builder().allowIfBaseType(Object.class).build();
        // ruleid: sec-jackson-default-typing-java
        return JsonMapper.builder().activateDefaultTyping(ptv, ObjectMapper.DefaultTyping.EVERYTHING).build();
    }

    ObjectMapper ownPackages() {
        PolymorphicTypeValidator ptv = BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("com.example.events.")
                .build();
        ObjectMapper mapper = new ObjectMapper();
        // ok: sec-jackson-default-typing-java
        mapper.activateDefaultTyping(ptv, ObjectMapper.DefaultTyping.NON_FINAL);
        return mapper;
    }
}

class Envelope {
    // ruleid: sec-jackson-default-typing-java
    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, property = "@class")
    private Object payload;

    // ok: sec-jackson-default-typing-java
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    private PaymentEvent event;

    // ok: sec-jackson-default-typing-java
    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
    private PaymentEvent typedEvent;
}

class RuleEvaluator {
    private static final String EXPIRY_RULE = "expiresAt < T(java.time.Instant).now()";
    private final ExpressionParser parser = new SpelExpressionParser();

    boolean matches(NotificationRule rule, Map<String, Object> event) {
        StandardEvaluationContext ctx = new StandardEvaluationContext(event);
        // ruleid: sec-spel-injection-java
        Expression expr = parser.parseExpression(rule.getCondition());
        return Boolean.TRUE.equals(expr.getValue(ctx, Boolean.class));
    }

    Object evaluate(String formula, Object root) {
        // ruleid: sec-spel-injection-java
        return new SpelExpressionParser().parseExpression(formula).getValue(root);
    }

    boolean expired(Object token) {
        // ok: sec-spel-injection-java
        return Boolean.TRUE.equals(parser.parseExpression(EXPIRY_RULE).getValue(token, Boolean.class));
    }

    Object property(String path, Object root) {
        EvaluationContext ctx = SimpleEvaluationContext.forReadOnlyDataBinding().build();
        // ok: sec-spel-injection-java
        return parser.parseExpression(path).getValue(ctx, root);
    }

    Object literal(Object root) {
        // ok: sec-spel-injection-java
        return parser.parseExpression("amount * 100").getValue(root);
    }
}

class ApiKeyService {
    private static final Random RANDOM = new Random();
    private static final SecureRandom KEY_RANDOM = new SecureRandom();
    private final Random jitter = new Random();
    private static final char[] CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    String issue(long merchantId) {
        byte[] raw = new byte[24];
        // ruleid: sec-weak-random-secret-java
        RANDOM.nextBytes(raw);
        String key = "ak_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        return key;
    }

    String generateOtp() {
        // ruleid: sec-weak-random-secret-java
        int n = ThreadLocalRandom.current().nextInt(1_000_000);
        return String.format("%06d", n);
    }

    void reset(User user) {
        // ruleid: sec-weak-random-secret-java
        String resetToken = RandomStringUtils.randomAlphanumeric(32);
        // ruleid: sec-weak-random-secret-java
        user.setPassword(Long.toHexString(new Random().nextLong()));
        user.setResetToken(resetToken);
    }

    String secure(long merchantId) {
        byte[] raw = new byte[24];
        // ok: sec-weak-random-secret-java
        KEY_RANDOM.nextBytes(raw);
        String key = "ak_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        return key;
    }

    private static final Random PASSWORD_RANDOM = new SecureRandom();

    String generateSecurePassword(int length) {
        // ok: sec-weak-random-secret-java
        String password = RandomStringUtils.random(length, 0, 56, true, true, CHARS, PASSWORD_RANDOM);
        // ok: sec-weak-random-secret-java
        String pin = String.valueOf(PASSWORD_RANDOM.nextInt(10_000));
        return password + pin;
    }

    List<String> previewOrder(List<String> sampleRows, long seed) {
        List<String> rows = new ArrayList<>(sampleRows);
        // ok: sec-weak-random-secret-java
        Collections.shuffle(rows, new Random(seed));
        return rows;
    }

    long retryDelayMillis(int attempt) {
        // ok: sec-weak-random-secret-java
        long backoffJitter = jitter.nextInt(250);
        return (100L << attempt) + backoffJitter;
    }

    String tokenFor(User user) {
        // ok: sec-weak-random-secret-java
        boolean sampled = jitter.nextDouble() < 0.01;
        return sampled ? user.traceToken() : user.token();
    }
}
