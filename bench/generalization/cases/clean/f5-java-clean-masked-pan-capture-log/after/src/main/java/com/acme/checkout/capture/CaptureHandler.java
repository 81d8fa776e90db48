package com.acme.checkout.capture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class CaptureHandler {

    private static final Logger log = LoggerFactory.getLogger(CaptureHandler.class);

    private final CaptureGateway gateway;

    public CaptureHandler(CaptureGateway gateway) {
        this.gateway = gateway;
    }

    public CaptureResult capture(CaptureRequest request) {
        CaptureResult result = gateway.capture(request.authorizationId(), request.amountCents());
        log.info("capture {} for order {} card {}", result.status(), request.orderId(),
                PanMasker.mask(request.cardNumber()));
        return result;
    }
}
