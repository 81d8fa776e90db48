package com.acme.capture;

import java.io.IOException;

public interface AcquirerClient {
    String capture(String authId, long amountMinor) throws IOException;
}
