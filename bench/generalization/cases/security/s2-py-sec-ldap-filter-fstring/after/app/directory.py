import ldap
from flask import Blueprint, current_app, jsonify, request

bp = Blueprint("directory", __name__)
STAFF_BASE = "ou=staff,dc=acme,dc=internal"


def _connect():
    conn = ldap.initialize(current_app.config["LDAP_URI"])
    conn.simple_bind_s(current_app.config["LDAP_BIND_DN"], current_app.config["LDAP_BIND_PW"])
    return conn


def find_employee(conn, email):
    return conn.search_s(
        STAFF_BASE,
        ldap.SCOPE_SUBTREE,
        f"(&(objectClass=inetOrgPerson)(mail={email}))",
        ["cn", "departmentNumber"],
    )


@bp.get("/directory/lookup")
def lookup():
    email = request.args.get("email", "")
    entries = find_employee(_connect(), email)
    return jsonify([{"dn": dn, "cn": attrs["cn"][0].decode()} for dn, attrs in entries])
