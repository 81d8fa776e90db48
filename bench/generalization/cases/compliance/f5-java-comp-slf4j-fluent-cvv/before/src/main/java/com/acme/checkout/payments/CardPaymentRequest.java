package com.acme.checkout.payments;

public class CardPaymentRequest {
    private String orderId;
    private String cardToken;
    private String cvv;
    private int expiryMonth;
    private int expiryYear;
    private long amountCents;

    public String getOrderId() { return orderId; }
    public String getCardToken() { return cardToken; }
    public String getCvv() { return cvv; }
    public int getExpiryMonth() { return expiryMonth; }
    public int getExpiryYear() { return expiryYear; }
    public long getAmountCents() { return amountCents; }
}
