package com.acme.treasury.statements;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Reads ISO 20022 camt.053 bank-to-customer statements. */
public class Camt053Parser {

    public List<StatementLine> parse(InputStream in) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            Document doc = builder.parse(in);
            NodeList entries = doc.getElementsByTagNameNS("*", "Ntry");
            List<StatementLine> lines = new ArrayList<>();
            for (int i = 0; i < entries.getLength(); i++) {
                Element entry = (Element) entries.item(i);
                String amount = entry.getElementsByTagNameNS("*", "Amt").item(0).getTextContent();
                String ref = entry.getElementsByTagNameNS("*", "AcctSvcrRef").item(0).getTextContent();
                lines.add(new StatementLine(ref, new BigDecimal(amount.trim())));
            }
            return lines;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("invalid camt.053 statement", e);
        }
    }
}
