package com.acme.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class FeedImportServlet extends HttpServlet {
    private final FeedParser parser = new FeedParser();

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String feedUrl = req.getParameter("feedUrl");
        HttpURLConnection conn = (HttpURLConnection) new URL(feedUrl).openConnection();
        conn.setConnectTimeout(3000);
        conn.setReadTimeout(5000);
        try (InputStream body = conn.getInputStream()) {
            int imported = parser.importItems(body);
            resp.getWriter().print(imported);
        } finally {
            conn.disconnect();
        }
    }
}
