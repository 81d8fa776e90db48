package com.acme.links;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PaymentLinkController {
    private final LinkService links;

    public PaymentLinkController(LinkService links) {
        this.links = links;
    }

    public record PayRequest(String linkId, String token) {}

    @PostMapping("/links/pay")
    public PaymentResult pay(@RequestBody PayRequest body) {
        return links.pay(body.linkId(), body.token());
    }
}
