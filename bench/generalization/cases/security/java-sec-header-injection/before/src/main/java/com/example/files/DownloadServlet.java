package com.example.files;

import javax.servlet.http.HttpServlet;

public class DownloadServlet extends HttpServlet {
}
