package com.example.acquirer;

import org.springframework.web.util.UriComponentsBuilder;

public class Lookup {
    String url(String cardNumber, String cardToken) {
        UriComponentsBuilder b = UriComponentsBuilder.fromHttpUrl("https://acquirer.example/validate");
        // ruleid: pci-pan-in-query-java
        b.queryParam("pan", cardNumber);
        // ok: pci-pan-in-query-java
        b.queryParam("token", cardToken);
        return b.toUriString();
    }

    String url2(PaymentRequest req, URIBuilder builder) {
        // ruleid: pci-pan-in-query-java
        builder.addParameter("card", req.getCardNumber());
        // ok: pci-pan-in-query-java
        builder.addParameter("brand", req.getBrand());
        return builder.toString();
    }
}
