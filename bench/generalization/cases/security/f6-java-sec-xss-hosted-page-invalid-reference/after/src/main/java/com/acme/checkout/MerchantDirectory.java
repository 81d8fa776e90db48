package com.acme.checkout;

public interface MerchantDirectory {
    Object requireBySlug(String slug);
}
