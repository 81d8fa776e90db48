package com.example.directory;

import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;

public class DirectoryService {
    private final DirContext ctx;

    public DirectoryService(DirContext ctx) {
        this.ctx = ctx;
    }

    public boolean exists(String username) throws NamingException {
        SearchControls sc = new SearchControls();
        sc.setSearchScope(SearchControls.SUBTREE_SCOPE);
        String filter = "(&(objectClass=person)(uid=" + username + "))";
        NamingEnumeration<SearchResult> res = ctx.search("ou=people,dc=example,dc=com", filter, sc);
        return res.hasMore();
    }
}
