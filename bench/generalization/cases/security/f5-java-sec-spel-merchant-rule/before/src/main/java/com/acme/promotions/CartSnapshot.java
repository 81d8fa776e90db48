package com.acme.promotions;

import java.math.BigDecimal;
import java.util.List;

public record CartSnapshot(BigDecimal total, List<String> skus) {
}
