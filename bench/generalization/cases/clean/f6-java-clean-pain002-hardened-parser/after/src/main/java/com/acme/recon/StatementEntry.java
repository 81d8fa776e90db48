package com.acme.recon;

import java.math.BigDecimal;

public record StatementEntry(String bankReference, BigDecimal amount) {}
