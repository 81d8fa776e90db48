package com.acme.banking.statements;

import java.util.List;

public interface StatementService {
    List<StatementSummary> list(String accountId);

    byte[] renderPdf(String accountId, String month);
}
