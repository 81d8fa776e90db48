package com.example.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

public class AccountDao {
    private static final String TABLE = "accounts";
    private static final String BY_OWNER = "SELECT id FROM " + TABLE + " WHERE owner = ?";
    private final DataSource ds;

    public AccountDao(DataSource ds) {
        this.ds = ds;
    }

    public long firstByOwner(String owner) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(BY_OWNER)) {
            ps.setString(1, owner);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }
}
