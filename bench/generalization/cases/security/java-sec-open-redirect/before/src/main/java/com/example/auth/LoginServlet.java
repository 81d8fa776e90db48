package com.example.auth;

import javax.servlet.http.HttpServlet;

public class LoginServlet extends HttpServlet {
}
