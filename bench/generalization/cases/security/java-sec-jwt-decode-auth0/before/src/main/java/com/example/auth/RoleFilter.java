package com.example.auth;

import javax.servlet.http.HttpServletRequest;

public class RoleFilter {
    static String bearer(HttpServletRequest req) {
        String h = req.getHeader("Authorization");
        return h != null && h.startsWith("Bearer ") ? h.substring(7) : "";
    }
}
