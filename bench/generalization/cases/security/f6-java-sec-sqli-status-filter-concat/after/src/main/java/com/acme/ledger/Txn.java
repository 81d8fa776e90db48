package com.acme.ledger;

import java.time.Instant;

public record Txn(String id, long amountMinor, String currency, String status, Instant createdAt) {}
