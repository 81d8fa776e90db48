package com.acme.fx;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.stereotype.Service;

@Service
public class Converter {
    private final FxRatesClient rates;

    public Converter(FxRatesClient rates) {
        this.rates = rates;
    }

    public BigDecimal convert(BigDecimal amount, String from, String to) throws Exception {
        return amount.multiply(rates.rate(from, to)).setScale(2, RoundingMode.HALF_EVEN);
    }
}
