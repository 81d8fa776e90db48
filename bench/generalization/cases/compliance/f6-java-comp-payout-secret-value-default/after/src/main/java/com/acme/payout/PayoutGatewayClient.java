package com.acme.payout;

import java.net.http.HttpClient;

public record PayoutGatewayClient(HttpClient http, String baseUrl, String clientId, String clientSecret) {}
