package com.acme.acquirer;

import java.time.Duration;
import okhttp3.OkHttpClient;

public final class AcquirerHttp {

    private AcquirerHttp() {}

    public static OkHttpClient build() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(20))
                .build();
    }
}
