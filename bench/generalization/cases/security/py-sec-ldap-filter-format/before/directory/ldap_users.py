import ldap

BASE_DN = "ou=people,dc=example,dc=com"


def connect(uri: str, bind_dn: str, password: str):
    conn = ldap.initialize(uri)
    conn.simple_bind_s(bind_dn, password)
    return conn
