import hmac

from django.shortcuts import redirect
from flask import Flask, request, session
from werkzeug.security import check_password_hash

app = Flask(__name__)


def is_admin(user, password):
    # ruleid: pci-hardcoded-password-check
    return user == "admin" and password == "s3cret-Admin!"


def unlock(passphrase):
    # ruleid: pci-hardcoded-password-check
    if hmac.compare_digest(passphrase, "open sesame"):
        return True
    return False


@app.route("/login", methods=["POST"])
def login():
    # ruleid: pci-hardcoded-password-check
    if request.form["username"] == "root" and request.form["password"] == "toor":
        session["user"] = "root"
        return redirect("/")
    return "denied", 403


def django_view(request):
    # ruleid: pci-hardcoded-password-check
    if request.POST.get("password") == "letmein":
        return redirect("home")


def check(user, password):
    # ok: pci-hardcoded-password-check
    return check_password_hash(user.password_hash, password)


def validate_form(form):
    # ok: pci-hardcoded-password-check
    if form["password"] == "":
        return "password required"
    # ok: pci-hardcoded-password-check
    if form["password"] != form["password_confirm"]:
        return "passwords differ"
    # ok: pci-hardcoded-password-check
    if form["password_policy"] == "strict":
        return "checked"
    return None


def credentials_option(username, password):
    # ok: pci-hardcoded-password-check
    if password == "-":
        password = input("Password: ")
    return username, password


def field_kind(field_type):
    # ok: pci-hardcoded-password-check
    return field_type == "password"
