package com.acme.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

public class BalanceDao {

    private static final String SUM_SQL =
            "SELECT COALESCE(SUM(amount_cents), 0) FROM entries WHERE account_id = ?";

    private final DataSource dataSource;

    public BalanceDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long balanceCents(long accountId) {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement ps = prepared(conn, accountId);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
        } catch (SQLException e) {
            throw new LedgerException("balance query failed for account " + accountId, e);
        }
    }

    private static PreparedStatement prepared(Connection conn, long accountId) throws SQLException {
        PreparedStatement ps = conn.prepareStatement(SUM_SQL);
        ps.setLong(1, accountId);
        return ps;
    }
}
