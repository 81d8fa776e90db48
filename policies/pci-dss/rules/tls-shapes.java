package com.example.http;

import javax.net.ssl.HttpsURLConnection;
import org.apache.http.conn.ssl.TrustAllStrategy;
import org.apache.http.ssl.SSLContexts;

public class Clients {
    HttpsURLConnection open(java.net.URL url) throws Exception {
        HttpsURLConnection conn = (HttpsURLConnection) url.openConnection();
        // ruleid: pci-tls-verify-disabled-attr-java
        conn.setHostnameVerifier((host, session) -> true);
        // ok: pci-tls-verify-disabled-attr-java
        conn.setHostnameVerifier(new StrictHostnameVerifier());
        return conn;
    }

    Object context() throws Exception {
        // ruleid: pci-tls-verify-disabled-attr-java
        return SSLContexts.custom().loadTrustMaterial(null, new TrustAllStrategy()).build();
    }

    Object pinned(java.security.KeyStore store) throws Exception {
        // ok: pci-tls-verify-disabled-attr-java
        return SSLContexts.custom().loadTrustMaterial(store, null).build();
    }
}
