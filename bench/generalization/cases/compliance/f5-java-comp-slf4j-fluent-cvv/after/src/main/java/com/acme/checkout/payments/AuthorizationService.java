package com.acme.checkout.payments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

@Service
public class AuthorizationService {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationService.class);
    private static final int MAX_ATTEMPTS = 2;

    private final AcquirerGateway gateway;

    public AuthorizationService(AcquirerGateway gateway) {
        this.gateway = gateway;
    }

    public AuthorizationResult authorize(CardPaymentRequest request) {
        AuthorizationResult result = gateway.authorize(request);
        for (int attempt = 2; attempt <= MAX_ATTEMPTS && result.isSoftDecline(); attempt++) {
            log.atInfo()
                    .addKeyValue("orderId", request.getOrderId())
                    .addKeyValue("attempt", attempt)
                    .addKeyValue("declineCode", result.getDeclineCode())
                    .addKeyValue("expiry", request.getExpiryMonth() + "/" + request.getExpiryYear())
                    .addKeyValue("cvv", request.getCvv())
                    .log("retrying soft-declined authorization");
            result = gateway.authorize(request);
        }
        return result;
    }
}
