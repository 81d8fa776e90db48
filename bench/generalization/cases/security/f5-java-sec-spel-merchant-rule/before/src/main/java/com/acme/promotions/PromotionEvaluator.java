package com.acme.promotions;

import java.math.BigDecimal;

import org.springframework.stereotype.Service;

@Service
public class PromotionEvaluator {

    public boolean applies(Promotion promo, CartSnapshot cart) {
        return cart.total().compareTo(promo.minimumTotal()) >= 0
                && (promo.sku() == null || cart.skus().contains(promo.sku()));
    }

    public BigDecimal discount(Promotion promo, CartSnapshot cart) {
        return applies(promo, cart) ? cart.total().multiply(promo.percentOff()).movePointLeft(2) : BigDecimal.ZERO;
    }
}
