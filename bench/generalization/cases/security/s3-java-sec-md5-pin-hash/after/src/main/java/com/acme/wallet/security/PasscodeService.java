package com.acme.wallet.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Service;

@Service
public class PasscodeService {
    private final PasscodeRepository repository;

    public PasscodeService(PasscodeRepository repository) {
        this.repository = repository;
    }

    public void setPasscode(String userId, String passcode) throws NoSuchAlgorithmException {
        repository.save(userId, digest(passcode));
    }

    public boolean matches(String userId, String passcode) throws NoSuchAlgorithmException {
        return MessageDigest.isEqual(
                repository.find(userId).getBytes(StandardCharsets.UTF_8),
                digest(passcode).getBytes(StandardCharsets.UTF_8));
    }

    private static String digest(String passcode) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("MD5");
        return HexFormat.of().formatHex(md.digest(passcode.getBytes(StandardCharsets.UTF_8)));
    }
}
