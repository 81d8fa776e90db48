package com.acme.settlement;

import java.io.InputStream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

public final class SettlementFileReader {
    private final DocumentBuilderFactory factory;

    public SettlementFileReader() {
        factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
    }

    public int countRecords(InputStream upload) throws Exception {
        DocumentBuilder builder = factory.newDocumentBuilder();
        Document doc = builder.parse(upload);
        NodeList records = doc.getElementsByTagNameNS("*", "Record");
        return records.getLength();
    }
}
