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

    public Long getId() { return id; }
    public String getOrderRef() { return orderRef; }
    public void setOrderRef(String orderRef) { this.orderRef = orderRef; }
    public String getCardLast4() { return cardLast4; }
    public void setCardLast4(String cardLast4) { this.cardLast4 = cardLast4; }
}
