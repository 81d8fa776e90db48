package com.example.cards;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Transient;

@Entity
public class StoredPayment {
    @Id
    private Long id;

    // ruleid: pci-pan-stored-entity-java
    private String cardNumber;

    // ruleid: pci-pan-stored-entity-java
    @Column(name = "primary_account_number", length = 19)
    private String accountNumber;

    // ok: pci-pan-stored-entity-java
    @Column(name = "card_last4", length = 4)
    private String cardLast4;

    // ok: pci-pan-stored-entity-java
    @Convert(converter = PanEncryptor.class)
    private String pan;

    // ok: pci-pan-stored-entity-java
    @Transient
    private String rawCardNumber;

    // ok: pci-pan-stored-entity-java
    private String panToken;
}

@Entity(name = "settlement_line")
class SettlementLine {
    // ruleid: pci-pan-stored-entity-java
    @Column(name = "cc_num")
    private String reference;

    // ok: pci-pan-stored-entity-java
    @Column(name = "account_number")
    private String accountNumber;
}

class CardForm {
    // ok: pci-pan-stored-entity-java
    private String cardNumber;
}
