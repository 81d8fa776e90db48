package com.acme.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Repository;

@Repository
public class BalanceDao {

    private final DataSource dataSource;

    public BalanceDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean accountExists(String accountId) throws SQLException {
        try (Connection conn = dataSource.getConnection();
             PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM accounts WHERE id = ?")) {
            ps.setString(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public long availableBalance(String accountId) throws SQLException {
        Connection conn = dataSource.getConnection();
        PreparedStatement ps = conn.prepareStatement(
                "SELECT COALESCE(SUM(amount_minor), 0) FROM ledger_entries WHERE account_id = ? AND status = 'POSTED'");
        ps.setString(1, accountId);
        ResultSet rs = ps.executeQuery();
        rs.next();
        return rs.getLong(1);
    }
}
