package com.acme.promotions;

import java.math.BigDecimal;

import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.stereotype.Service;

@Service
public class PromotionEvaluator {

    private final ExpressionParser parser = new SpelExpressionParser();

    /** Merchants can now write their own eligibility rule, e.g. "total > 50 and skus.size() > 2". */
    public boolean appliesCustom(String rule, CartSnapshot cart) {
        StandardEvaluationContext context = new StandardEvaluationContext(cart);
        return Boolean.TRUE.equals(parser.parseExpression(rule).getValue(context, Boolean.class));
    }

    public boolean applies(Promotion promo, CartSnapshot cart) {
        return cart.total().compareTo(promo.minimumTotal()) >= 0
                && (promo.sku() == null || cart.skus().contains(promo.sku()));
    }

    public BigDecimal discount(Promotion promo, CartSnapshot cart) {
        return applies(promo, cart) ? cart.total().multiply(promo.percentOff()).movePointLeft(2) : BigDecimal.ZERO;
    }
}
