package com.example.cards;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;

@Entity
public class StoredCard {
    @Id
    private Long id;

    @Column(name = "token")
    private String token;

    @Column(name = "last4")
    private String last4;

    @Column(name = "cvv")
    private String cvv;

    protected StoredCard() {}

    public StoredCard(String token, String last4, String cvv) {
        this.token = token;
        this.last4 = last4;
        this.cvv = cvv;
    }
}
