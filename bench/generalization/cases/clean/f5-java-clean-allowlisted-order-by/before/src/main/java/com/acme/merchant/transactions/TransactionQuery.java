package com.acme.merchant.transactions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

public class TransactionQuery {

    private final DataSource dataSource;

    public TransactionQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<String> list(String merchantId) throws SQLException {
        String sql = "SELECT id FROM transactions WHERE merchant_id = ? ORDER BY created_at DESC";
        try (Connection conn = dataSource.getConnection();
             PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, merchantId);
            return ids(ps);
        }
    }

    private static List<String> ids(PreparedStatement ps) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString("id"));
            }
        }
        return out;
    }
}
