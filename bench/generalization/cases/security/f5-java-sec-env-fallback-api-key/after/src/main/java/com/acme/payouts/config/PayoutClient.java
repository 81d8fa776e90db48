package com.acme.payouts.config;

import java.net.URI;
import java.net.http.HttpClient;

public record PayoutClient(HttpClient http, URI baseUri, String apiKey) {
}
