package com.example.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import javax.servlet.http.HttpServletRequest;

public class RoleFilter {
    static String bearer(HttpServletRequest req) {
        String h = req.getHeader("Authorization");
        return h != null && h.startsWith("Bearer ") ? h.substring(7) : "";
    }

    public boolean isAdmin(HttpServletRequest req) {
        DecodedJWT jwt = JWT.decode(bearer(req));
        return "admin".equals(jwt.getClaim("role").asString());
    }
}
