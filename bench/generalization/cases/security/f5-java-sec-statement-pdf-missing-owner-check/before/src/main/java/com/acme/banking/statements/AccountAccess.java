package com.acme.banking.statements;

import java.security.Principal;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

@Component
public class AccountAccess {

    private final AccountRepository accounts;

    public AccountAccess(AccountRepository accounts) {
        this.accounts = accounts;
    }

    public void requireOwner(String accountId, Principal principal) {
        String owner = accounts.ownerOf(accountId);
        if (owner == null || principal == null || !owner.equals(principal.getName())) {
            throw new AccessDeniedException("not your account");
        }
    }
}
