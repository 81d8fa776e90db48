package com.acme.checkout;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
public class HostedPageController {

    private static final Pattern REFERENCE = Pattern.compile("[A-Z0-9-]{6,32}");

    private final MerchantDirectory merchants;

    public HostedPageController(MerchantDirectory merchants) {
        this.merchants = merchants;
    }

    @GetMapping("/pay/{slug}")
    public String hostedPage(@PathVariable String slug, @RequestParam("ref") String reference,
                             Model model, HttpServletResponse response) throws IOException {
        if (!REFERENCE.matcher(reference).matches()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/html;charset=UTF-8");
            PrintWriter out = response.getWriter();
            out.printf("<html><body><h1>Payment link invalid</h1><p>Reference <b>%s</b> is not valid.</p></body></html>", reference);
            out.flush();
            return null;
        }
        model.addAttribute("merchant", merchants.requireBySlug(slug));
        model.addAttribute("reference", reference);
        return "hosted-page";
    }
}
