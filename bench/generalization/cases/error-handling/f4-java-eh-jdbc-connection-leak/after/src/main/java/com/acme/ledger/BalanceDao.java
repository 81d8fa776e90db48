package com.acme.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

public class BalanceDao {

    private final DataSource dataSource;

    public BalanceDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long balanceCents(long accountId) throws SQLException {
        Connection conn = dataSource.getConnection();
        PreparedStatement ps = conn.prepareStatement(
                "SELECT COALESCE(SUM(amount_cents), 0) FROM entries WHERE account_id = ?");
        ps.setLong(1, accountId);
        ResultSet rs = ps.executeQuery();
        rs.next();
        return rs.getLong(1);
    }
}
