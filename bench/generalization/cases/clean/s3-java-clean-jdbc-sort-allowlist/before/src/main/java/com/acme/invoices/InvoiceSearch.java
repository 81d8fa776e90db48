package com.acme.invoices;

import java.util.List;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class InvoiceSearch {
    private final NamedParameterJdbcTemplate jdbc;

    public InvoiceSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Invoice> open(String customerId) {
        return jdbc.query("SELECT * FROM invoices WHERE customer_id = :c AND status = 'open'",
                java.util.Map.of("c", customerId), Invoice.ROW_MAPPER);
    }
}
