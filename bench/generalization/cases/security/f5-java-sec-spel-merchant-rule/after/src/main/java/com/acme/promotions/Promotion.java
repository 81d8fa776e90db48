package com.acme.promotions;

import java.math.BigDecimal;

public record Promotion(BigDecimal minimumTotal, String sku, BigDecimal percentOff) {
}
