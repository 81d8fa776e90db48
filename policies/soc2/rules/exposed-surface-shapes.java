package com.example.web;

import javax.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.RestController;

// ruleid: soc2-cc6.6-cors-any-origin-java
@CrossOrigin(maxAge = 3600, origins = "*")
@RestController
class Orders {
    void headers(HttpServletResponse response) {
        // ruleid: soc2-cc6.6-cors-any-origin-java
        response.setHeader("Access-Control-Allow-Origin", "*");
    }
}

// ok: soc2-cc6.6-cors-any-origin-java
@CrossOrigin(origins = "https://shop.example.com", maxAge = 600)
@RestController
class Profile {
    void headers(HttpServletResponse response) {
        // ok: soc2-cc6.6-cors-any-origin-java
        response.setHeader("Access-Control-Allow-Methods", "*");
    }
}
