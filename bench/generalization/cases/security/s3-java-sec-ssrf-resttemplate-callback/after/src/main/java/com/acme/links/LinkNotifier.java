package com.acme.links;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestTemplate;

@Component
public class LinkNotifier {
    private final RestTemplate restTemplate;

    public LinkNotifier(RestTemplate restTemplate) {
        this.restTemplate = restTemplate;
    }

    public void notifyPaid(String notifyUrl, String linkId, long amountCents) {
        restTemplate.postForEntity(notifyUrl, Map.of("link", linkId, "amount", amountCents), Void.class);
    }
}
