package com.acme.cards;

import java.time.YearMonth;
import org.springframework.stereotype.Component;

@Component
public class CardValidator {

    public void validate(Card card) {
        if (!Luhn.isValid(card.getNumber())) {
            throw new CardDeclinedException("Card failed checksum");
        }
        if (YearMonth.of(card.getExpYear(), card.getExpMonth()).isBefore(YearMonth.now())) {
            throw new CardDeclinedException("Card expired");
        }
    }
}
