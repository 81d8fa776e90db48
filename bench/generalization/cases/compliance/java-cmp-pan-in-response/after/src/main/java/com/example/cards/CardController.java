package com.example.cards;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CardController {
    private final CardService cards;

    public CardController(CardService cards) {
        this.cards = cards;
    }

    @GetMapping("/cards/{id}")
    public ResponseEntity<Map<String, String>> get(@PathVariable long id) {
        Card card = cards.find(id);
        return ResponseEntity.ok(Map.of(
                "brand", card.getBrand(),
                "cardNumber", card.getCardNumber(),
                "expiry", card.getExpiry()));
    }
}
