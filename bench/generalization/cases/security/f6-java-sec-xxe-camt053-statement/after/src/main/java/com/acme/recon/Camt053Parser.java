package com.acme.recon;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@Component
public class Camt053Parser {

    private static final String NS = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";

    public List<StatementEntry> parse(InputStream in) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        Document doc = builder.parse(in);

        List<StatementEntry> entries = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagNameNS(NS, "Ntry");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element ntry = (Element) nodes.item(i);
            String amount = ntry.getElementsByTagNameNS(NS, "Amt").item(0).getTextContent();
            String direction = ntry.getElementsByTagNameNS(NS, "CdtDbtInd").item(0).getTextContent();
            String ref = ntry.getElementsByTagNameNS(NS, "AcctSvcrRef").item(0).getTextContent();
            BigDecimal value = new BigDecimal(amount.trim());
            entries.add(new StatementEntry(ref, "DBIT".equals(direction) ? value.negate() : value));
        }
        return entries;
    }
}
