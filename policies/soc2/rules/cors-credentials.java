package com.acme.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;

public class Cors {
    private static final Set<String> ALLOWED = Set.of("https://app.example.com");

    public CorsConfiguration open() {
        CorsConfiguration cors = new CorsConfiguration();
        // ruleid: soc2-cc6.6-cors-reflect-credentials-java
        cors.setAllowedOriginPatterns(List.of("*"));
        cors.setAllowedMethods(List.of("GET", "POST"));
        cors.setAllowCredentials(true);
        return cors;
    }

    public CorsConfiguration openNoCredentials() {
        CorsConfiguration cors = new CorsConfiguration();
        // ok: soc2-cc6.6-cors-reflect-credentials-java
        cors.setAllowedOriginPatterns(List.of("*"));
        return cors;
    }

    public CorsConfiguration listed() {
        CorsConfiguration cors = new CorsConfiguration();
        // ok: soc2-cc6.6-cors-reflect-credentials-java
        cors.setAllowedOriginPatterns(List.of("https://*.example.com"));
        cors.setAllowCredentials(true);
        return cors;
    }

    public void addCorsMappings(CorsRegistry registry) {
        // ruleid: soc2-cc6.6-cors-reflect-credentials-java
        registry.addMapping("/**").allowedOriginPatterns("*").allowedMethods("GET").allowCredentials(true);
    }

    public void filter(HttpServletRequest req, HttpServletResponse res) {
        String origin = req.getHeader("Origin");
        // ruleid: soc2-cc6.6-cors-reflect-credentials-java
        res.setHeader("Access-Control-Allow-Origin", origin);
        res.setHeader("Access-Control-Allow-Credentials", "true");
    }

    public void checkedFilter(HttpServletRequest req, HttpServletResponse res) {
        String origin = req.getHeader("Origin");
        if (ALLOWED.contains(origin)) {
            // ok: soc2-cc6.6-cors-reflect-credentials-java
            res.setHeader("Access-Control-Allow-Origin", origin);
            res.setHeader("Access-Control-Allow-Credentials", "true");
        }
    }
}
