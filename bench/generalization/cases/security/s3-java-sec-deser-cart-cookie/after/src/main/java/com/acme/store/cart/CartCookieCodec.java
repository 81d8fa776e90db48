package com.acme.store.cart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Base64;
import org.springframework.stereotype.Component;

@Component
public class CartCookieCodec {

    public String encode(Cart cart) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(buf)) {
            out.writeObject(cart);
        }
        return Base64.getUrlEncoder().encodeToString(buf.toByteArray());
    }

    public Cart decode(String cookie) throws IOException, ClassNotFoundException {
        byte[] raw = Base64.getUrlDecoder().decode(cookie);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(raw))) {
            return (Cart) in.readObject();
        }
    }
}
