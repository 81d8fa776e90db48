package com.acme.payee;

public record NewBeneficiary(String holderName, String iban, String nickname) {}
