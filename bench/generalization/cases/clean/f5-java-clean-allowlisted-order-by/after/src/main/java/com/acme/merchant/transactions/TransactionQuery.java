package com.acme.merchant.transactions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

public class TransactionQuery {

    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "created", "created_at",
            "amount", "amount_cents",
            "status", "status");

    private final DataSource dataSource;

    public TransactionQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<String> list(String merchantId, String sort, boolean ascending, String status)
            throws SQLException {
        String column = SORT_COLUMNS.getOrDefault(sort, "created_at");
        String sql = "SELECT id FROM transactions WHERE merchant_id = ?"
                + (status != null ? " AND status = ?" : "")
                + " ORDER BY " + column + (ascending ? " ASC" : " DESC");
        try (Connection conn = dataSource.getConnection();
             PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, merchantId);
            if (status != null) {
                ps.setString(2, status);
            }
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
