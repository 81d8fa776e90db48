package com.example.net;

import java.io.IOException;
import java.net.URL;
import javax.net.ssl.HttpsURLConnection;

public final class Https {
    private Https() {}

    public static HttpsURLConnection open(String url) throws IOException {
        HttpsURLConnection c = (HttpsURLConnection) new URL(url).openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(10000);
        return c;
    }
}
