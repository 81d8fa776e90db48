package com.example.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class Web extends HttpServlet {
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String back = request.getParameter("back");
        // ruleid: sec-open-redirect-java
        response.sendRedirect(back);
    }

    void header(HttpServletRequest rq, HttpServletResponse rs) {
        // ruleid: sec-open-redirect-java
        rs.setHeader("Location", "https://" + rq.getHeader("X-Forwarded-Host") + "/");
    }

    void home(HttpServletRequest rq, HttpServletResponse rs) throws IOException {
        // ok: sec-open-redirect-java
        rs.sendRedirect(rq.getContextPath() + "/home");
    }

    void fixed(HttpServletResponse rs) throws IOException {
        // ok: sec-open-redirect-java
        rs.sendRedirect("/login");
    }

    void lang(HttpServletRequest rq, HttpServletResponse rs) {
        String lang = rq.getParameter("lang");
        // ruleid: sec-header-injection-java
        rs.addHeader("Content-Language", lang);
    }

    void remember(HttpServletRequest rq, HttpServletResponse rs) {
        // ruleid: sec-header-injection-java
        rs.addCookie(new Cookie("pref", rq.getParameter("pref")));
    }

    void encoded(HttpServletRequest rq, HttpServletResponse rs) {
        String f = URLEncoder.encode(rq.getParameter("f"), StandardCharsets.UTF_8);
        // ok: sec-header-injection-java
        rs.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + f);
    }

    void constant(HttpServletResponse rs) {
        // ok: sec-header-injection-java
        rs.setHeader("Cache-Control", "no-store");
    }
}
