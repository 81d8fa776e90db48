package com.acme.shop.cart;

import java.util.ArrayList;
import java.util.List;

public class Cart {
    private List<String> skus = new ArrayList<>();

    public List<String> getSkus() {
        return skus;
    }

    public void setSkus(List<String> skus) {
        this.skus = skus;
    }
}
