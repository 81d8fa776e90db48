package com.acme.treasury.statements;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

public class CsvStatementParser {

    public List<StatementLine> parse(InputStream in) throws IOException {
        List<StatementLine> lines = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String row;
        while ((row = reader.readLine()) != null) {
            String[] cols = row.split(",");
            if (cols.length >= 2) {
                lines.add(new StatementLine(cols[0].trim(), new BigDecimal(cols[1].trim())));
            }
        }
        return lines;
    }
}
