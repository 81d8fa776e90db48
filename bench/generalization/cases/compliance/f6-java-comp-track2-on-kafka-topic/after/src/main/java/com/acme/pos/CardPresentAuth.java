package com.acme.pos;

public record CardPresentAuth(String terminalId, String merchantId, long amountMinor, String entryMode,
                              String track2Equivalent, String panSequenceNumber) {}
