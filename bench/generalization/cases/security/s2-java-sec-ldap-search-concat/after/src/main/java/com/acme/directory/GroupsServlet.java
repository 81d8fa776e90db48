package com.acme.directory;

import java.io.IOException;
import javax.naming.NamingException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class GroupsServlet extends HttpServlet {
    private final GroupLookup lookup;

    public GroupsServlet(GroupLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            resp.getWriter().print(String.join(",", lookup.groupsOf(req.getParameter("user"))));
        } catch (NamingException e) {
            resp.sendError(HttpServletResponse.SC_BAD_GATEWAY);
        }
    }
}
