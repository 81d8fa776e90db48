package com.example.vault;

import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

public class Vault {
    private static final String TRANSFORMATION = "AES/ECB/PKCS5Padding";
    private final SecretKey key;

    public Vault(SecretKey key) {
        this.key = key;
    }

    public String seal(byte[] value) throws Exception {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return Base64.getEncoder().encodeToString(cipher.doFinal(value));
    }
}
