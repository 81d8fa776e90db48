package com.acme.mtls;

import java.io.FileInputStream;
import java.io.InputStream;
import java.security.KeyStore;

public final class KeystoreLoader {
    private KeystoreLoader() {}

    public static KeyStore load(String path, char[] passphrase) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        InputStream in = new FileInputStream(path);
        ks.load(in, passphrase);
        return ks;
    }
}
