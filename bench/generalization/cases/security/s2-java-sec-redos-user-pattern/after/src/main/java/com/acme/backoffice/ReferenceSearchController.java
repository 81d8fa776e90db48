package com.acme.backoffice;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ReferenceSearchController {
    private final List<String> references = List.of("INV-2024-0001", "INV-2024-0002");

    @GetMapping("/admin/references")
    public List<String> search(@RequestParam("pattern") String pattern) {
        Pattern matcher = Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
        return references.stream().filter(r -> matcher.matcher(r).matches()).toList();
    }
}
