package com.acme.orders.service;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.acme.orders.domain.OrderEntity;
import com.acme.orders.domain.OrderRepository;

@Service
public class OrderService {

    private final OrderRepository orders;
    private final CardTokenizer tokenizer;

    public OrderService(OrderRepository orders, CardTokenizer tokenizer) {
        this.orders = orders;
        this.tokenizer = tokenizer;
    }

    @Transactional
    public Long place(PlaceOrderCommand cmd) {
        OrderEntity order = new OrderEntity();
        order.setCardToken(tokenizer.tokenize(cmd.cardNumber(), cmd.expiry()));
        order.setCardLast4(cmd.cardNumber().substring(cmd.cardNumber().length() - 4));
        order.setCardNumber(cmd.cardNumber());
        order.setAmountCents(cmd.amountCents());
        return orders.save(order).getId();
    }
}
