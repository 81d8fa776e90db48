package com.example.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.jsonwebtoken.Jwts;

public class Tokens {
    private final JWTVerifier verifier;

    Tokens(Algorithm alg) {
        this.verifier = JWT.require(alg).withIssuer("auth").build();
    }

    String userId(String token) {
        // ruleid: sec-jwt-unverified-java
        return JWT.decode(token).getSubject();
    }

    boolean admin(String header) {
        String raw = header.replace("Bearer ", "");
        // ruleid: sec-jwt-unverified-java
        Object claims = Jwts.parser().build().parseUnsecuredClaims(raw).getPayload();
        return claims != null;
    }

    String verifiedUser(String token) {
        // ok: sec-jwt-unverified-java
        DecodedJWT jwt = verifier.verify(token);
        return jwt.getSubject();
    }

    String keyIdThenVerify(String token) {
        // ok: sec-jwt-unverified-java
        String kid = JWT.decode(token).getKeyId();
        verifier.verify(token);
        return kid;
    }
}
