package com.acme.store.cart;

import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CartController {
    private final CartService carts;

    public CartController(CartService carts) {
        this.carts = carts;
    }

    @GetMapping("/cart")
    public CartView view(@CookieValue(name = "cart_id", required = false) String cartId) {
        return carts.view(cartId);
    }
}
