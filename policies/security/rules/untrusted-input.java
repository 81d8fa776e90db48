package com.example.io;

import java.beans.XMLDecoder;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;

class Io {
    Object session(InputStream body) throws Exception {
        ObjectInputStream ois = new ObjectInputStream(body);
        // ruleid: sec-unsafe-deserialization-java
        return ois.readObject();
    }

    Object settings(InputStream in) throws Exception {
        // ruleid: sec-unsafe-deserialization-java
        return new XMLDecoder(in).readObject();
    }

    Object filtered(InputStream body) throws Exception {
        ObjectInputStream ois = new ObjectInputStream(body);
        ois.setObjectInputFilter(ObjectInputFilter.Config.createFilter("com.example.Cart;!*"));
        // ok: sec-unsafe-deserialization-java
        return ois.readObject();
    }

    Object json(InputStream body, com.fasterxml.jackson.databind.ObjectMapper mapper) throws Exception {
        // ok: sec-unsafe-deserialization-java
        return mapper.readValue(body, Object.class);
    }

    void dom(InputStream in) throws Exception {
        // ruleid: sec-xxe-java
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.newDocumentBuilder().parse(in);
    }

    void sax(InputStream in) throws Exception {
        // ruleid: sec-xxe-java
        SAXParserFactory spf = SAXParserFactory.newInstance();
        spf.newSAXParser().parse(in, new org.xml.sax.helpers.DefaultHandler());
    }

    void domSafe(InputStream in) throws Exception {
        // ok: sec-xxe-java
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.newDocumentBuilder().parse(in);
    }

    void staxSafe(InputStream in) throws Exception {
        // ok: sec-xxe-java
        XMLInputFactory xif = XMLInputFactory.newFactory();
        xif.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xif.createXMLStreamReader(in);
    }
}
