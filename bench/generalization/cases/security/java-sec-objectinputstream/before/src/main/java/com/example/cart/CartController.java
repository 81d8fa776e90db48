package com.example.cart;

import org.springframework.web.bind.annotation.RestController;

@RestController
public class CartController {
}
