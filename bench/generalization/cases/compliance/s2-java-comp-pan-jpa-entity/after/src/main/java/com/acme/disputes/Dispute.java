package com.acme.disputes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Dispute {
    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false)
    private String orderRef;

    @Column(name = "card_last4", length = 4)
    private String cardLast4;

    @Column(name = "primary_account_number", length = 19)
    private String accountNumber;

    public Long getId() { return id; }
    public String getOrderRef() { return orderRef; }
    public void setOrderRef(String orderRef) { this.orderRef = orderRef; }
    public String getCardLast4() { return cardLast4; }
    public void setCardLast4(String cardLast4) { this.cardLast4 = cardLast4; }
    public String getAccountNumber() { return accountNumber; }
    public void setAccountNumber(String accountNumber) { this.accountNumber = accountNumber; }
}
