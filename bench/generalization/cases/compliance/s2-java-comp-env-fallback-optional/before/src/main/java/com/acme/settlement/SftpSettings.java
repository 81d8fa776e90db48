package com.acme.settlement;

import java.util.Optional;

public record SftpSettings(String host, int port, String user, String password) {
    public static SftpSettings fromEnv() {
        return new SftpSettings(
                Optional.ofNullable(System.getenv("SFTP_HOST")).orElse("sftp.acquirer.example"),
                Integer.parseInt(Optional.ofNullable(System.getenv("SFTP_PORT")).orElse("22")),
                Optional.ofNullable(System.getenv("SFTP_USER")).orElse("acme"),
                System.getenv("SFTP_PASSWORD"));
    }
}
