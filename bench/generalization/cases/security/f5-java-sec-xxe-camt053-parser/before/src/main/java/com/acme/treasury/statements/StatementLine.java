package com.acme.treasury.statements;

import java.math.BigDecimal;

public record StatementLine(String reference, BigDecimal amount) {
}
