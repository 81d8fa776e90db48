package com.acme.payouts.search;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class PayoutSearchRepository {

    private static final String BASE =
            "SELECT id, reference, amount_cents, status FROM payouts WHERE merchant_id = ?";

    private final JdbcTemplate jdbc;

    public PayoutSearchRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Map<String, Object>> recent(long merchantId) {
        return jdbc.queryForList(BASE + " ORDER BY created_at DESC LIMIT 50", merchantId);
    }
}
