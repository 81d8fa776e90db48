package com.acme.chargebacks;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ChargebackController {
    private final ChargebackQueries queries;

    public ChargebackController(ChargebackQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/chargebacks/{id}")
    public Chargeback get(@PathVariable long id) {
        return queries.find(id);
    }

    @GetMapping("/merchants/{merchantId}/chargebacks")
    public List<Chargeback> byReason(@PathVariable String merchantId, @RequestParam String reason) {
        return queries.byReason(merchantId, reason);
    }
}
