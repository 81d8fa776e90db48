package com.acme.payouts.search;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PayoutSearchController {

    private final PayoutSearchRepository repository;

    public PayoutSearchController(PayoutSearchRepository repository) {
        this.repository = repository;
    }

    @GetMapping("/merchants/{merchantId}/payouts")
    public List<Map<String, Object>> recent(@PathVariable long merchantId) {
        return repository.recent(merchantId);
    }
}
