package com.acme.directory;

import java.util.ArrayList;
import java.util.List;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;

public class GroupLookup {
    private final DirContext ctx;

    public GroupLookup(DirContext ctx) {
        this.ctx = ctx;
    }

    public List<String> groupsOf(String username) throws NamingException {
        SearchControls controls = new SearchControls();
        controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
        String filter = "(&(objectClass=groupOfNames)(member=uid=" + username + ",ou=people,dc=acme,dc=com))";
        NamingEnumeration<SearchResult> results = ctx.search("ou=groups,dc=acme,dc=com", filter, controls);
        List<String> groups = new ArrayList<>();
        while (results.hasMore()) {
            groups.add(results.next().getNameInNamespace());
        }
        return groups;
    }
}
