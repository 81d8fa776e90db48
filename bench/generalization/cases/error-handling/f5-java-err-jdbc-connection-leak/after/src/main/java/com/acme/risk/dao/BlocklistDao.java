package com.acme.risk.dao;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

public class BlocklistDao {

    private final DataSource dataSource;

    public BlocklistDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean isBlocked(String fingerprint) throws SQLException {
        try (Connection conn = dataSource.getConnection();
             PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM card_blocklist WHERE fingerprint = ?")) {
            ps.setString(1, fingerprint);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public Optional<String> blockReason(String fingerprint) throws SQLException {
        Connection conn = dataSource.getConnection();
        PreparedStatement ps = conn.prepareStatement("SELECT reason FROM card_blocklist WHERE fingerprint = ?");
        ps.setString(1, fingerprint);
        ResultSet rs = ps.executeQuery();
        if (!rs.next()) {
            return Optional.empty();
        }
        return Optional.ofNullable(rs.getString("reason"));
    }
}
