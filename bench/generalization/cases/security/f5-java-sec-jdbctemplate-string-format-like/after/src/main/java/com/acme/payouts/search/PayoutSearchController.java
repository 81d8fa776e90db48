package com.acme.payouts.search;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
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

    @GetMapping("/merchants/{merchantId}/payouts/search")
    public List<Map<String, Object>> search(@PathVariable long merchantId, @RequestParam("q") String q) {
        return repository.byReference(merchantId, q);
    }
}
