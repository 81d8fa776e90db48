package com.acme.shop.cart;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

public class CartRestoreFilter extends HttpFilter {

    private static final String COOKIE = "cart";
    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (req.getSession(false) == null && req.getCookies() != null) {
            for (Cookie c : req.getCookies()) {
                if (COOKIE.equals(c.getName())) {
                    Cart cart = mapper.readValue(java.util.Base64.getUrlDecoder().decode(c.getValue()), Cart.class);
                    req.getSession(true).setAttribute("cart", cart);
                }
            }
        }
        chain.doFilter(req, res);
    }
}
