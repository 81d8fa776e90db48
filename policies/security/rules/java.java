import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.crypto.Cipher;

public class AccountRepository {
    private final Connection connection;

    public AccountRepository(Connection connection) {
        this.connection = connection;
    }

    public ResultSet findByEmail(String email) throws Exception {
        Statement statement = connection.createStatement();
        // ruleid: sec-sql-injection-java
        return statement.executeQuery("SELECT * FROM accounts WHERE email = '" + email + "'");
    }

    public int deleteOrder(String orderId) throws Exception {
        String sql = String.format("DELETE FROM orders WHERE id = '%s'", orderId);
        Statement statement = connection.createStatement();
        // ruleid: sec-sql-injection-java
        return statement.executeUpdate(sql);
    }

    public ResultSet findByEmailSafe(String email) throws Exception {
        // ok: sec-sql-injection-java
        PreparedStatement ps = connection.prepareStatement("SELECT * FROM accounts WHERE email = ?");
        ps.setString(1, email);
        Statement statement = connection.createStatement();
        // ok: sec-sql-injection-java
        statement.executeQuery("SELECT count(*) FROM accounts");
        return ps.executeQuery();
    }

    public void thumbnail(String file) throws Exception {
        // ruleid: sec-command-injection-java
        Runtime.getRuntime().exec("convert " + file + " thumb.png");
        // ruleid: sec-command-injection-java
        new ProcessBuilder("sh", "-c", "tar czf backup.tgz " + file).start();
    }

    public void thumbnailSafe(String file) throws Exception {
        // ok: sec-command-injection-java
        new ProcessBuilder("convert", file, "thumb.png").start();
        // ok: sec-command-injection-java
        Runtime.getRuntime().exec(new String[] {"convert", file, "thumb.png"});
    }

    public byte[] digest(byte[] data) throws Exception {
        // ruleid: sec-weak-crypto-java
        MessageDigest md = MessageDigest.getInstance("MD5");
        // ruleid: sec-weak-crypto-java
        Cipher legacy = Cipher.getInstance("DESede/CBC/PKCS5Padding");
        // ruleid: sec-weak-crypto-java
        Cipher ecb = Cipher.getInstance("AES/ECB/PKCS5Padding");
        return md.digest(data);
    }

    public byte[] digestSafe(byte[] data) throws Exception {
        // ok: sec-weak-crypto-java
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        // ok: sec-weak-crypto-java
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        return md.digest(data);
    }
}

class InvoiceSort {
    enum SortBy {
        DUE("due_date"), AMOUNT("amount_cents");

        final String column;

        SortBy(String column) {
            this.column = column;
        }

        String column() {
            return column;
        }
    }

    private NamedParameterJdbcTemplate jdbc;

    java.util.List<String> byEnum(String customerId, SortBy sort) {
        String sql = "SELECT id FROM invoices WHERE customer_id = :c ORDER BY " + sort.column;
        // ok: sec-sql-injection-java
        return jdbc.queryForList(sql, java.util.Map.of("c", customerId), String.class);
    }

    java.util.List<String> byEnumGetter(String customerId, SortBy sort) {
        String sql = "SELECT id FROM invoices WHERE customer_id = :c ORDER BY " + sort.column();
        // ok: sec-sql-injection-java
        return jdbc.queryForList(sql, java.util.Map.of("c", customerId), String.class);
    }

    java.util.List<String> byText(String customerId, SortBy unused, String sort) {
        String sql = "SELECT id FROM invoices WHERE customer_id = :c ORDER BY " + sort;
        // ruleid: sec-sql-injection-java
        return jdbc.queryForList(sql, java.util.Map.of("c", customerId), String.class);
    }
}
