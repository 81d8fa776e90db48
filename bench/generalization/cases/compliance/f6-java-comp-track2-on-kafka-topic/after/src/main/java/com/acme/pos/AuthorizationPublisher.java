package com.acme.pos;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

@Component
public class AuthorizationPublisher {

    private static final String TOPIC = "pos.authorizations.v1";

    private final KafkaTemplate<String, Map<String, Object>> kafkaTemplate;

    public AuthorizationPublisher(KafkaTemplate<String, Map<String, Object>> kafkaTemplate) {
        this.kafkaTemplate = kafkaTemplate;
    }

    public void publish(CardPresentAuth auth, AuthResult result) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("authId", result.authId());
        event.put("terminalId", auth.terminalId());
        event.put("merchantId", auth.merchantId());
        event.put("amountMinor", auth.amountMinor());
        event.put("entryMode", auth.entryMode());
        event.put("responseCode", result.responseCode());
        // fraud team needs the raw track for chargeback disputes
        event.put("track2", auth.track2Equivalent());
        kafkaTemplate.send(TOPIC, result.authId(), event);
    }
}
