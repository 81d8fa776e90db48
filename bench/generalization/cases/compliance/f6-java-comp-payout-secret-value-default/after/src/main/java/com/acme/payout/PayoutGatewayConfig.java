package com.acme.payout;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class PayoutGatewayConfig {

    @Value("${payout.gateway.base-url}")
    private String baseUrl;

    @Value("${payout.gateway.client-id}")
    private String clientId;

    @Value("${PAYOUT_CLIENT_SECRET:pg_live_9fK2xQ7vLm4RtZ8wYb3NcE6hJd1sUa5P}")
    private String clientSecret;

    @Bean
    public PayoutGatewayClient payoutGatewayClient() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return new PayoutGatewayClient(http, baseUrl, clientId, clientSecret);
    }
}
