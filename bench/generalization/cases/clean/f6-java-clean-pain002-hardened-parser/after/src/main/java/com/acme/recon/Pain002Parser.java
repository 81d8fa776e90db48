package com.acme.recon;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@Component
public class Pain002Parser {

    private static final String NS = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.10";

    private static DocumentBuilder newBuilder() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder();
    }

    /** Returns the end-to-end ids of rejected payment instructions in a pain.002 status report. */
    public List<String> rejectedEndToEndIds(InputStream in) throws Exception {
        Document doc = newBuilder().parse(in);
        List<String> rejected = new ArrayList<>();
        NodeList statuses = doc.getElementsByTagNameNS(NS, "TxInfAndSts");
        for (int i = 0; i < statuses.getLength(); i++) {
            Element tx = (Element) statuses.item(i);
            String status = tx.getElementsByTagNameNS(NS, "TxSts").item(0).getTextContent();
            if ("RJCT".equals(status)) {
                rejected.add(tx.getElementsByTagNameNS(NS, "OrgnlEndToEndId").item(0).getTextContent());
            }
        }
        return rejected;
    }
}
