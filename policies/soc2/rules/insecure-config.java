package com.example.auth;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.session.web.http.DefaultCookieSerializer;

class SessionController {
    private final Sessions sessions;

    SessionController(Sessions sessions) {
        this.sessions = sessions;
    }

    void login(LoginRequest req, HttpServletResponse response) {
        String token = sessions.authenticate(req.username(), req.password());
        Cookie cookie = new Cookie("SESSION", token);
        cookie.setPath("/");
        // ruleid: soc2-cc7.1-insecure-config-java
        cookie.setHttpOnly(false);
        // ruleid: soc2-cc7.1-insecure-config-java
        cookie.setSecure(false);
        response.addCookie(cookie);
    }

    void refresh(String refreshToken, HttpServletResponse response) {
        // ruleid: soc2-cc7.1-insecure-config-java
        ResponseCookie cookie = ResponseCookie.from("refresh_token", refreshToken).httpOnly(false).path("/").build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    DefaultCookieSerializer serializer() {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        // ruleid: soc2-cc7.1-insecure-config-java
        serializer.setUseSecureCookie(false);
        return serializer;
    }

    void sessionConfig(ServletContext ctx) {
        // ruleid: soc2-cc7.1-insecure-config-java
        ctx.getSessionCookieConfig().setHttpOnly(false);
    }

    void secureLogin(LoginRequest req, HttpServletResponse response) {
        String token = sessions.authenticate(req.username(), req.password());
        Cookie cookie = new Cookie("SESSION", token);
        // ok: soc2-cc7.1-insecure-config-java
        cookie.setHttpOnly(true);
        // ok: soc2-cc7.1-insecure-config-java
        cookie.setSecure(true);
        response.addCookie(cookie);
    }

    void theme(String theme, HttpServletResponse response) {
        Cookie cookie = new Cookie("ui_theme", theme);
        // ok: soc2-cc7.1-insecure-config-java
        cookie.setHttpOnly(false);
        response.addCookie(cookie);
    }

    void csrf(String csrfToken, HttpServletResponse response) {
        Cookie cookie = new Cookie("XSRF-TOKEN", csrfToken);
        // ok: soc2-cc7.1-insecure-config-java
        cookie.setHttpOnly(false);
        cookie.setSecure(true);
        response.addCookie(cookie);
    }

    void locale(String lang, HttpServletResponse response) {
        // ok: soc2-cc7.1-insecure-config-java
        ResponseCookie cookie = ResponseCookie.from("lang", lang).httpOnly(false).build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
