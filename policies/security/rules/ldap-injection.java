package com.example.ldap;

import javax.naming.NamingEnumeration;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import org.springframework.ldap.support.LdapEncoder;

class Lookup {
    private DirContext dir;

    NamingEnumeration<?> byMail(String mail) throws Exception {
        SearchControls controls = new SearchControls();
        // ruleid: sec-ldap-injection-java
        return dir.search("dc=corp", "(mail=" + mail + ")", controls);
    }

    NamingEnumeration<?> member(InitialDirContext ctx, String group) throws Exception {
        String query = String.format("(&(objectClass=group)(cn=%s))", group);
        // ruleid: sec-ldap-injection-java
        return ctx.search("ou=groups", query, new SearchControls());
    }

    NamingEnumeration<?> safe(String uid) throws Exception {
        // ok: sec-ldap-injection-java
        return dir.search("dc=corp", "(uid={0})", new Object[] {uid}, new SearchControls());
    }

    NamingEnumeration<?> encoded(String uid) throws Exception {
        String f = "(uid=" + LdapEncoder.filterEncode(uid) + ")";
        // ok: sec-ldap-injection-java
        return dir.search("dc=corp", f, new SearchControls());
    }
}
