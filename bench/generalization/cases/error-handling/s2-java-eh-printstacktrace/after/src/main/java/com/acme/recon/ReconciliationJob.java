package com.acme.recon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

public class ReconciliationJob implements Runnable {
    private final DataSource ds;

    public ReconciliationJob(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public void run() {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE settlements SET reconciled = true WHERE batch_date = current_date - 1")) {
            ps.executeUpdate();
        } catch (SQLException ex) {
            ex.printStackTrace();
        }
    }
}
