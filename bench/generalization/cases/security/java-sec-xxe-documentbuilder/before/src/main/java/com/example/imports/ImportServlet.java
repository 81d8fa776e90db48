package com.example.imports;

import javax.servlet.http.HttpServlet;

public class ImportServlet extends HttpServlet {
}
