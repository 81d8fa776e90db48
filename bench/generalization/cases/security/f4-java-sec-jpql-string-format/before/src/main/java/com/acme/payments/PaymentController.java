package com.acme.payments;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PaymentController {

    private final PaymentQueries queries;

    public PaymentController(PaymentQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/payments/{id}")
    public Payment get(@PathVariable long id) {
        return queries.byId(id);
    }
}
