package com.acme.capture;

import java.io.IOException;

public class CaptureService {
    private static final int MAX_ATTEMPTS = 5;
    private final AcquirerClient acquirer;

    public CaptureService(AcquirerClient acquirer) {
        this.acquirer = acquirer;
    }

    public String capture(String authId, long amountMinor) throws IOException {
        IOException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return acquirer.capture(authId, amountMinor);
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }
}
