package com.example.resources;

import java.io.File;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

class BalanceDao {
    private static final String SUM_SQL =
            "SELECT COALESCE(SUM(amount_cents), 0) FROM entries WHERE account_id = ?";
    private final DataSource dataSource;

    BalanceDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    long leaked(long accountId) throws SQLException {
        // ruleid: eh-java-jdbc-resource-leak
        Connection conn = dataSource.getConnection();
        // ruleid: eh-java-jdbc-resource-leak
        PreparedStatement ps = conn.prepareStatement(SUM_SQL);
        ps.setLong(1, accountId);
        ResultSet rs = ps.executeQuery();
        rs.next();
        return rs.getLong(1);
    }

    int purge(Connection conn) throws SQLException {
        // ruleid: eh-java-jdbc-resource-leak
        Statement st = conn.createStatement();
        return st.executeUpdate("DELETE FROM holds WHERE expires_at < now()");
    }

    long pooled(long accountId) throws SQLException {
        // ok: eh-java-jdbc-resource-leak
        try (Connection conn = dataSource.getConnection();
                PreparedStatement ps = prepared(conn, accountId);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
        }
    }

    private static PreparedStatement prepared(Connection conn, long accountId) throws SQLException {
        // ok: eh-java-jdbc-resource-leak
        PreparedStatement ps = conn.prepareStatement(SUM_SQL);
        ps.setLong(1, accountId);
        return ps;
    }

    long legacy(long accountId) throws SQLException {
        // ok: eh-java-jdbc-resource-leak
        Connection conn = dataSource.getConnection();
        try {
            // ok: eh-java-jdbc-resource-leak
            PreparedStatement ps = conn.prepareStatement(SUM_SQL);
            ps.setLong(1, accountId);
            ResultSet rs = ps.executeQuery();
            return rs.next() ? rs.getLong(1) : 0L;
        } finally {
            if (conn != null) {
                conn.close();
            }
        }
    }

    int inBody(long accountId) throws SQLException {
        try (Connection conn = dataSource.getConnection()) {
            // ok: eh-java-jdbc-resource-leak
            PreparedStatement ps = conn.prepareStatement("DELETE FROM entries WHERE account_id = ?");
            ps.setLong(1, accountId);
            return ps.executeUpdate();
        }
    }
}

class Archiver {
    private final File archiveDir;

    Archiver(File archiveDir) {
        this.archiveDir = archiveDir;
    }

    Result archive(File statement, File tempCopy) {
        File target = new File(archiveDir, statement.getName());
        // ruleid: eh-java-file-result-ignored
        statement.renameTo(target);
        // ok: eh-java-file-result-ignored
        tempCopy.delete();
        return Result.ARCHIVED;
    }

    void lockDown(File keyFile) {
        // ruleid: eh-java-file-result-ignored
        keyFile.setReadable(false, false);
        // ruleid: eh-java-file-result-ignored
        new File(archiveDir, "key.pem").setWritable(false);
        // ok: eh-java-file-result-ignored
        new File(archiveDir, "incoming").mkdirs();
    }

    Result checked(File statement) throws IOException {
        File target = new File(archiveDir, statement.getName());
        // ok: eh-java-file-result-ignored
        if (!statement.renameTo(target)) {
            throw new IOException("could not move " + statement + " to " + target);
        }
        // ok: eh-java-file-result-ignored
        boolean created = archiveDir.mkdirs();
        return created ? Result.ARCHIVED : Result.SKIPPED;
    }

    void export(File tmp, Exporter exporter) throws IOException {
        try {
            exporter.writeTo(tmp);
        } finally {
            // ok: eh-java-file-result-ignored
            tmp.delete();
        }
    }

    void drop(Repository repository, long id) {
        // ok: eh-java-file-result-ignored
        repository.delete(id);
    }
}
