package com.example.accounts;

import javax.sql.DataSource;

public class AccountDao {
    private final DataSource ds;

    public AccountDao(DataSource ds) {
        this.ds = ds;
    }
}
