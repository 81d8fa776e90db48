package com.acme.invoices;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class InvoiceSearch {
    public enum SortBy {
        DUE("due_date"), AMOUNT("amount_cents"), CUSTOMER("customer_name");

        final String column;

        SortBy(String column) {
            this.column = column;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;

    public InvoiceSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Invoice> open(String customerId, SortBy sort) {
        String sql = "SELECT * FROM invoices WHERE customer_id = :c AND status = 'open' ORDER BY "
                + sort.column;
        return jdbc.query(sql, Map.of("c", customerId), Invoice.ROW_MAPPER);
    }
}
