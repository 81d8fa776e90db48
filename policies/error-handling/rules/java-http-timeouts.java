package com.acme.fx;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

public class Clients {
    // ruleid: eh-java-httpclient-no-timeout
    private final HttpClient plain = HttpClient.newBuilder().build();
    // ruleid: eh-java-httpclient-no-timeout
    private final HttpClient dflt = HttpClient.newHttpClient();
    // ok: eh-java-httpclient-no-timeout
    private final HttpClient timed = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    HttpRequest untimed(URI uri) {
        // ruleid: eh-java-httpclient-no-timeout
        return HttpRequest.newBuilder(uri)
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    HttpRequest timedRequest(URI uri) {
        // ok: eh-java-httpclient-no-timeout
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
    }

    HttpRequest timedLater(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        b.timeout(Duration.ofSeconds(10));
        // ok: eh-java-httpclient-no-timeout
        return b.GET().build();
    }
}
