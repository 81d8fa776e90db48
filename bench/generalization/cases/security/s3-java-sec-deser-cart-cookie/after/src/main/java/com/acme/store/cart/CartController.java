package com.acme.store.cart;

import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CartController {
    private final CartService carts;
    private final CartCookieCodec codec;

    public CartController(CartService carts, CartCookieCodec codec) {
        this.carts = carts;
        this.codec = codec;
    }

    @GetMapping("/cart")
    public CartView view(@CookieValue(name = "cart", required = false) String cart) throws Exception {
        return cart == null ? CartView.empty() : carts.view(codec.decode(cart));
    }
}
