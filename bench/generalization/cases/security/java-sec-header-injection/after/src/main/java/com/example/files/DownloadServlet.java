package com.example.files;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class DownloadServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String label = req.getParameter("label");
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + label + ".csv\"");
        resp.getWriter().write("id,amount\n");
    }
}
