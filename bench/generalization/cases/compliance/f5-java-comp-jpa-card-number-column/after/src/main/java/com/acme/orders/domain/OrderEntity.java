package com.acme.orders.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "orders")
public class OrderEntity {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "card_token", nullable = false)
    private String cardToken;

    @Column(name = "card_last4", length = 4)
    private String cardLast4;

    // kept so chargebacks can be matched against the acquirer's dispute file
    @Column(name = "card_number", length = 19)
    private String cardNumber;

    @Column(name = "amount_cents")
    private long amountCents;

    public Long getId() { return id; }
    public void setCardToken(String cardToken) { this.cardToken = cardToken; }
    public void setCardLast4(String cardLast4) { this.cardLast4 = cardLast4; }
    public void setCardNumber(String cardNumber) { this.cardNumber = cardNumber; }
    public void setAmountCents(long amountCents) { this.amountCents = amountCents; }
}
