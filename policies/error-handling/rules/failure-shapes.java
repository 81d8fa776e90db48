package com.example.shapes;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.util.Map;
import java.util.Properties;
import javax.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class Shapes {
    ResponseEntity<Map<String, String>> refund(String id) {
        try {
            gateway.refund(id);
            return ResponseEntity.ok(Map.of("state", "refunded"));
        } catch (IllegalStateException ex) {
            log.warn("refund failed", ex);
            // ruleid: eh-java-catch-reports-success
            return ResponseEntity.ok().body(Map.of("state", "refunded"));
        }
    }

    String charge(String id) {
        try {
            gateway.charge(id);
            return "CAPTURED";
        } catch (RuntimeException e) {
            // ruleid: eh-java-catch-reports-success
            return "Captured";
        }
    }

    void hook(HttpServletResponse resp) {
        try {
            gateway.ack();
        } catch (Exception e) {
            // ruleid: eh-java-catch-reports-success
            resp.setStatus(HttpServletResponse.SC_OK);
        }
    }

    ResponseEntity<String> refundOk(String id) {
        try {
            gateway.refund(id);
            return ResponseEntity.ok("refunded");
        } catch (IllegalStateException ex) {
            // ok: eh-java-catch-reports-success
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body("refund failed");
        }
    }

    String chargeOk(String id) {
        try {
            return gateway.charge(id);
        } catch (RuntimeException e) {
            // ok: eh-java-catch-reports-success
            return "DECLINED";
        }
    }

    byte[] fetch(String u) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(u).openConnection();
        // ruleid: eh-java-urlconnection-no-timeout
        if (c.getResponseCode() != 200) throw new IOException("status");
        return c.getHeaderField("X-Body").getBytes();
    }

    void post(URL u) throws IOException {
        URLConnection conn = u.openConnection();
        conn.setDoOutput(true);
        // ruleid: eh-java-urlconnection-no-timeout
        conn.getOutputStream().write(new byte[0]);
    }

    byte[] fetchOk(String u) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(u).openConnection();
        c.setConnectTimeout(3000);
        c.setReadTimeout(10000);
        // ok: eh-java-urlconnection-no-timeout
        try (InputStream in = c.getInputStream()) {
            return in.readAllBytes();
        }
    }

    int codeOk(URL u) throws IOException {
        HttpURLConnection c = (HttpURLConnection) u.openConnection();
        c.setReadTimeout(5000);
        // ok: eh-java-urlconnection-no-timeout
        return c.getResponseCode();
    }

    Properties load(String path) throws IOException {
        Properties p = new Properties();
        // ruleid: eh-java-stream-not-closed
        FileReader r = new FileReader(path);
        p.load(r);
        return p;
    }

    String first(String path) throws IOException {
        // ruleid: eh-java-stream-not-closed
        BufferedReader br = new BufferedReader(new FileReader(path));
        return br.readLine();
    }

    Properties loadOk(String path) throws IOException {
        Properties p = new Properties();
        // ok: eh-java-stream-not-closed
        try (FileInputStream in = new FileInputStream(path)) {
            p.load(in);
        }
        return p;
    }

    Properties loadClosed(String path) throws IOException {
        Properties p = new Properties();
        // ok: eh-java-stream-not-closed
        FileInputStream in = new FileInputStream(path);
        p.load(in);
        in.close();
        return p;
    }
}
