package com.acme.acquirer.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

public class ChargebackFileReader {

    public List<String> caseIds(InputStream in) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("CB|")) {
                ids.add(line.split("\\|")[1]);
            }
        }
        return ids;
    }
}
