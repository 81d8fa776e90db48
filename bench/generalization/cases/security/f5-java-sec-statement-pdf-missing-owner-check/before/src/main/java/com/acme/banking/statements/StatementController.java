package com.acme.banking.statements;

import java.security.Principal;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/accounts/{accountId}/statements")
public class StatementController {

    private final AccountAccess access;
    private final StatementService statements;

    public StatementController(AccountAccess access, StatementService statements) {
        this.access = access;
        this.statements = statements;
    }

    @GetMapping
    public List<StatementSummary> list(@PathVariable String accountId, Principal principal) {
        access.requireOwner(accountId, principal);
        return statements.list(accountId);
    }
}
