package com.example.web;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.ws.rs.GET;
import javax.ws.rs.QueryParam;
import org.apache.commons.io.FilenameUtils;
import org.owasp.encoder.Encode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestTemplate;

class Documents {
    private static final Path BASE = Paths.get("/var/docs");
    private final File uploads = new File("/var/uploads");

    @GetMapping("/docs/{name}")
    byte[] doc(@PathVariable String name) throws IOException {
        // ruleid: sec-path-traversal-java
        return Files.readAllBytes(BASE.resolve(name));
    }

    void legacy(HttpServletRequest request) throws IOException {
        String file = request.getParameter("file");
        // ruleid: sec-path-traversal-java
        try (InputStream in = new FileInputStream(new File(uploads, file))) {
            in.read();
        }
    }

    @GET
    byte[] jaxrs(@QueryParam("f") String f) throws IOException {
        // ruleid: sec-path-traversal-java
        return Files.readAllBytes(Paths.get("/var/docs", f));
    }

    @GetMapping("/docs/contained")
    byte[] contained(@RequestParam String name) throws IOException {
        // ok: sec-path-traversal-java
        Path target = BASE.resolve(name).normalize();
        if (!target.startsWith(BASE)) {
            throw new SecurityException("outside the document root");
        }
        return Files.readAllBytes(target);
    }

    @GetMapping("/docs/basename")
    byte[] basename(@RequestParam String name) throws IOException {
        // ok: sec-path-traversal-java
        return Files.readAllBytes(BASE.resolve(FilenameUtils.getName(name)));
    }

    @GetMapping("/docs/by-uuid/{id}")
    byte[] byUuid(@PathVariable final UUID id) throws IOException {
        // ok: sec-path-traversal-java
        return Files.readAllBytes(BASE.resolve(id + ".pdf"));
    }

    byte[] byId(HttpServletRequest req) throws IOException {
        long id = Long.parseLong(req.getParameter("id"));
        // ok: sec-path-traversal-java
        return Files.readAllBytes(BASE.resolve(id + ".pdf"));
    }
}

class Fetchers {
    private final RestTemplate http = new RestTemplate();

    String preview(HttpServletRequest req) throws IOException {
        String target = req.getParameter("url");
        URL url = new URL(target);
        // ruleid: sec-ssrf-java
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes());
        }
    }

    @GetMapping("/proxy")
    String proxy(@RequestParam("u") String u) {
        // ruleid: sec-ssrf-java
        return http.getForObject(u, String.class);
    }

    HttpRequest hook(@RequestHeader("X-Callback") String callback) {
        // ruleid: sec-ssrf-java
        return HttpRequest.newBuilder(URI.create(callback)).build();
    }

    String fixed(HttpServletRequest req) throws IOException {
        String region = req.getParameter("region");
        URL url = new URL("https://rates.example.com/v1/latest");
        // ok: sec-ssrf-java
        try (InputStream in = url.openStream()) {
            return region + new String(in.readAllBytes());
        }
    }

    @GetMapping("/status")
    String status(@RequestParam("service") String service) {
        // ok: sec-ssrf-java
        return http.getForObject("https://status.example.com/{s}", String.class, service);
    }
}

class Pages {
    void greet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getParameter("name");
        // ruleid: sec-xss-response-writer-java
        resp.getWriter().write("<p>Hello " + name + "</p>");
    }

    void search(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PrintWriter w = response.getWriter();
        w.println("<ul>");
        // ruleid: sec-xss-response-writer-java
        w.printf("<li>%s</li>", request.getParameter("q"));
    }

    void escaped(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        PrintWriter out = resp.getWriter();
        // ok: sec-xss-response-writer-java
        out.println("<h2>" + Encode.forHtml(req.getParameter("q")) + "</h2>");
    }

    void count(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        int pages = Integer.parseInt(req.getParameter("pages"));
        // ok: sec-xss-response-writer-java
        resp.getWriter().print(pages * 2);
    }

    void sealedKey(HttpServletRequest req, HttpServletResponse resp, Cipher cipher) throws Exception {
        String key = req.getParameter("key");
        String sealed = Base64.getEncoder().encodeToString(cipher.doFinal(key.getBytes(UTF_8)));
        // ok: sec-xss-response-writer-java
        resp.getWriter().write(sealed);
        // ok: sec-xss-response-writer-java
        resp.getWriter().write(UUID.fromString(req.getParameter("id")).toString());
        // ruleid: sec-xss-response-writer-java
        resp.getWriter().write("<p>" + key + "</p>");
    }
}

class Filters {
    private final List<String> refs = List.of("A-1", "B-2");

    List<String> grep(HttpServletRequest req) {
        String expr = req.getParameter("expr");
        // ruleid: sec-redos-user-pattern-java
        return refs.stream().filter(r -> r.matches(expr)).toList();
    }

    @GetMapping("/find")
    Pattern find(@RequestParam String q) {
        // ruleid: sec-redos-user-pattern-java
        return Pattern.compile(".*" + q + ".*");
    }

    @GetMapping("/find-literal")
    Pattern literal(@RequestParam String q) {
        // ok: sec-redos-user-pattern-java
        return Pattern.compile(".*" + Pattern.quote(q) + ".*");
    }

    Pattern fixed(HttpServletRequest req) {
        // ok: sec-redos-user-pattern-java
        return Pattern.compile("^[A-Z]-\\d+$");
    }
}

class Audit {
    private static final Logger logger = LoggerFactory.getLogger(Audit.class);
    private final Logger events = LoggerFactory.getLogger("events");

    void denied(HttpServletRequest req) {
        // ruleid: sec-log-injection-java
        logger.info(String.format("access denied for %s", req.getHeader("X-User")));
    }

    void placeholder(HttpServletRequest req) {
        // ok: sec-log-injection-java
        logger.info("access denied for {}", req.getHeader("X-User"));
    }

    void escaped(HttpServletRequest req) {
        // ok: sec-log-injection-java
        logger.warn("lookup " + LogEscaper.escapeForLog(req.getParameter("q")));
    }

    @GetMapping("/orders/{ref}")
    void order(@PathVariable String ref) {
        // ruleid: sec-log-injection-java
        events.warn("order lookup " + ref);
    }

    void clean(HttpServletRequest req) {
        String user = req.getParameter("user").replaceAll("[\r\n]", "_");
        // ok: sec-log-injection-java
        logger.info("login attempt by {}", user);
    }

    void page(HttpServletRequest req) {
        int page = Integer.parseInt(req.getParameter("page"));
        // ok: sec-log-injection-java
        logger.debug("listing page {}", page);
    }
}

class Reports {
    private final JdbcTemplate jdbc;

    Reports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    int count(HttpServletRequest req, Connection conn) throws Exception {
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM orders WHERE 1=1");
        // ruleid: sec-sql-injection-java-flow
        sql.append(" AND status = '").append(req.getParameter("status")).append("'");
        try (Statement st = conn.createStatement()) {
            ResultSet rs = st.executeQuery(sql.toString());
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    List<String> names(@RequestParam String sort) {
        String query = String.join(" ", "SELECT name FROM customers ORDER BY", sort);
        // ruleid: sec-sql-injection-java-flow
        return jdbc.queryForList(query, String.class);
    }

    String where(HttpServletRequest req, Statement st) throws Exception {
        StringBuilder sql = new StringBuilder();
        sql.append("DELETE FROM carts WHERE owner = '");
        sql.append(req.getParameter("owner"));
        // ruleid: sec-sql-injection-java-flow
        st.executeUpdate(sql.toString());
        return "ok";
    }

    List<String> safe(@RequestParam String region) {
        String query = "SELECT name FROM customers WHERE region = ?";
        // ok: sec-sql-injection-java-flow
        return jdbc.queryForList(query, String.class, region);
    }

    List<String> limited(HttpServletRequest req) {
        int limit = Integer.parseInt(req.getParameter("limit"));
        // ok: sec-sql-injection-java-flow
        return jdbc.queryForList("SELECT name FROM customers LIMIT " + limit, String.class);
    }
}
