package com.acme.reports;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;

public class ChargebackReportServlet extends HttpServlet {
    private final DataSource dataSource;

    public ChargebackReportServlet(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        StringBuilder sql = new StringBuilder("SELECT id, amount FROM chargebacks WHERE opened_at > now() - interval '90 days'");
        if ("true".equals(req.getParameter("openOnly"))) {
            sql.append(" AND status = 'open'");
        }
        String region = req.getParameter("region");
        if (region != null) {
            sql.append(" AND region = '").append(region).append("'");
        }
        try (Connection conn = dataSource.getConnection(); Statement st = conn.createStatement()) {
            ResultSet rs = st.executeQuery(sql.toString());
            int count = 0;
            while (rs.next()) {
                count++;
            }
            resp.getWriter().print(count);
        } catch (SQLException e) {
            resp.sendError(500);
        }
    }
}
