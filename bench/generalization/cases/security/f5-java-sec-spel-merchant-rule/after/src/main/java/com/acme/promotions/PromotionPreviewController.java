package com.acme.promotions;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PromotionPreviewController {

    private final PromotionEvaluator evaluator;

    public PromotionPreviewController(PromotionEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    public record PreviewRequest(String rule, CartSnapshot cart) {
    }

    @PostMapping("/merchant/promotions/preview")
    public boolean preview(@RequestBody PreviewRequest request) {
        return evaluator.appliesCustom(request.rule(), request.cart());
    }
}
