package com.acme.auth;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.security.interfaces.RSAPublicKey;

public class Tokens {
    private final RSAPublicKey key;
    private final DefaultJWTProcessor<?> processor;

    Tokens(RSAPublicKey key, DefaultJWTProcessor<?> processor) {
        this.key = key;
        this.processor = processor;
    }

    String subjectUnverified(String token) throws Exception {
        // ruleid: sec-jwt-nimbus-unverified-java
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        return claims.getSubject();
    }

    String scopesUnverified(String token) throws Exception {
        JWT jwt = JWTParser.parse(token);
        // ruleid: sec-jwt-nimbus-unverified-java
        return jwt.getJWTClaimsSet().getStringClaim("scp");
    }

    String subjectVerified(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        if (!jwt.verify(new RSASSAVerifier(key))) {
            throw new SecurityException("bad signature");
        }
        // ok: sec-jwt-nimbus-unverified-java
        return jwt.getJWTClaimsSet().getSubject();
    }

    String subjectProcessed(String token) throws Exception {
        JWT jwt = JWTParser.parse(token);
        processor.process(jwt, null);
        // ok: sec-jwt-nimbus-unverified-java
        return jwt.getJWTClaimsSet().getSubject();
    }

    SignedJWT parseOnly(String token) throws Exception {
        // ok: sec-jwt-nimbus-unverified-java
        return SignedJWT.parse(token);
    }
}
