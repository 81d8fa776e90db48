import ldap
from ldap.filter import escape_filter_chars
from flask import Blueprint, current_app, jsonify, request
from flask_login import login_required

bp = Blueprint("directory", __name__)
STAFF_BASE = "ou=staff,dc=acme,dc=internal"


@bp.get("/directory/lookup")
@login_required
def lookup():
    email = escape_filter_chars(request.args.get("email", ""))
    conn = ldap.initialize(current_app.config["LDAP_URI"])
    conn.simple_bind_s(current_app.config["LDAP_BIND_DN"], current_app.config["LDAP_BIND_PW"])
    entries = conn.search_s(STAFF_BASE, ldap.SCOPE_SUBTREE, f"(mail={email})", ["cn"])
    return jsonify([dn for dn, _ in entries])
