package com.acme.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.stereotype.Repository;

@Repository
public class EntryLookupDao {

    private final DataSource dataSource;

    public EntryLookupDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Long> amountsFor(String accountId, List<String> entryIds) throws SQLException {
        if (entryIds.isEmpty()) {
            return List.of();
        }
        String placeholders = String.join(",", Collections.nCopies(entryIds.size(), "?"));
        String sql = "SELECT amount_minor FROM ledger_entries WHERE account_id = ? AND id IN (" + placeholders + ")";
        try (Connection conn = dataSource.getConnection();
             PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, accountId);
            for (int i = 0; i < entryIds.size(); i++) {
                ps.setString(i + 2, entryIds.get(i));
            }
            List<Long> amounts = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    amounts.add(rs.getLong(1));
                }
            }
            return amounts;
        }
    }
}
