package com.acme.links;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PaymentLinkController {
    private final LinkService links;
    private final LinkNotifier notifier;

    public PaymentLinkController(LinkService links, LinkNotifier notifier) {
        this.links = links;
        this.notifier = notifier;
    }

    public record PayRequest(String linkId, String token, String notifyUrl) {}

    @PostMapping("/links/pay")
    public PaymentResult pay(@RequestBody PayRequest body) {
        PaymentResult result = links.pay(body.linkId(), body.token());
        if (body.notifyUrl() != null) {
            notifier.notifyPaid(body.notifyUrl(), body.linkId(), result.amountCents());
        }
        return result;
    }
}
