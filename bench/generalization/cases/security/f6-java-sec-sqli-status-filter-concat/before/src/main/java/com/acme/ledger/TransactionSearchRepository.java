package com.acme.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class TransactionSearchRepository {

    private final JdbcTemplate jdbcTemplate;

    public TransactionSearchRepository(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    public List<Txn> search(String merchantId, String status, int limit) {
        String sql = "SELECT id, amount_minor, currency, status, created_at FROM transactions WHERE merchant_id = ?";
        sql += " ORDER BY created_at DESC LIMIT ?";
        return jdbcTemplate.query(sql, this::mapRow, merchantId, Math.min(limit, 500));
    }

    private Txn mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new Txn(rs.getString("id"), rs.getLong("amount_minor"), rs.getString("currency"),
                rs.getString("status"), rs.getTimestamp("created_at").toInstant());
    }
}
