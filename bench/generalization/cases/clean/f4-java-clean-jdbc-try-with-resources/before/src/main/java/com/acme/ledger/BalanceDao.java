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
}
