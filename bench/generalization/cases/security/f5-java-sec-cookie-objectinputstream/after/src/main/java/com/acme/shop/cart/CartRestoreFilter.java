package com.acme.shop.cart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

public class CartRestoreFilter extends HttpFilter {

    private static final String COOKIE = "cart";

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (req.getSession(false) == null && req.getCookies() != null) {
            for (Cookie c : req.getCookies()) {
                if (COOKIE.equals(c.getName())) {
                    req.getSession(true).setAttribute("cart", restore(c.getValue()));
                }
            }
        }
        chain.doFilter(req, res);
    }

    // Carts are now the same Serializable objects the session replicator ships between nodes.
    private static Cart restore(String cookieValue) throws IOException {
        byte[] raw = Base64.getUrlDecoder().decode(cookieValue);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(raw))) {
            return (Cart) in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException("unreadable cart cookie", e);
        }
    }
}
