import ldap
import ldap3
from ldap.filter import escape_filter_chars, filter_format

PEOPLE = "ou=staff,dc=corp,dc=example"


def members(conn, group):
    flt = "(&(objectClass=groupOfNames)(cn=%s))" % group
    # ruleid: sec-ldap-injection
    return conn.search_s(PEOPLE, ldap.SCOPE_SUBTREE, flt)


def by_mail(server, mail):
    c = ldap3.Connection(server, auto_bind=True)
    # ruleid: sec-ldap-injection
    c.search(PEOPLE, f"(mail={mail})", attributes=["cn"])
    return c.entries


def login(conn, who):
    # ruleid: sec-ldap-injection
    return conn.search_ext_s(PEOPLE, ldap.SCOPE_ONELEVEL, filterstr="(sAMAccountName=" + who + ")")


def escaped(conn, who):
    flt = "(uid={})".format(escape_filter_chars(who))
    # ok: sec-ldap-injection
    return conn.search_s(PEOPLE, ldap.SCOPE_SUBTREE, flt)


def templated(conn, who):
    # ok: sec-ldap-injection
    return conn.search_s(PEOPLE, ldap.SCOPE_SUBTREE, filter_format("(uid=%s)", [who]))


def constant(conn):
    # ok: sec-ldap-injection
    return conn.search_s(PEOPLE, ldap.SCOPE_SUBTREE, "(objectClass=person)")


def staff_by_mail(conn, form):
    mail = escape_filter_chars(form["email"])
    # ok: sec-ldap-injection
    return conn.search_s(PEOPLE, ldap.SCOPE_SUBTREE, f"(mail={mail})", ["cn"])


def staff_in_group(conn, form):
    group = ldap3.utils.conv.escape_filter_chars(form["group"])
    site = form["site"]
    # ruleid: sec-ldap-injection
    return conn.search(PEOPLE, f"(&(memberOf={group})(l={site}))", attributes=["cn"])


def inline_escape(conn, who):
    # ok: sec-ldap-injection
    return conn.search_s(PEOPLE, ldap.SCOPE_SUBTREE, f"(uid={escape_filter_chars(who)})")
