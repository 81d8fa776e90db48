from django.contrib.auth import authenticate, login
from django.contrib.auth.models import User
from flask import request, session
from werkzeug.security import generate_password_hash

from .models import Account, db


@app.route("/login", methods=["POST"])
def login_view():
    username = request.form["username"]
    password = request.form["password"]
    # ruleid: pci-test-account-in-prod
    if username == "qa_tester" and password == "Qa-Tester-2024":
        session["user"] = "qa_tester"
        return redirect("/")
    # ruleid: pci-test-account-in-prod
    if request.args.get("debug_login") == "1":
        session["user"] = request.args.get("as", "admin")
        return redirect("/")
    # ok: pci-test-account-in-prod
    if username == "" or password == "":
        return "missing credentials", 400
    # ok: pci-test-account-in-prod
    if request.args.get("next_page"):
        session["next"] = request.args["next_page"]
    return do_login(username, password)


def bootstrap():
    # ruleid: pci-test-account-in-prod
    User.objects.create_superuser("admin", "admin@example.com", "admin")
    # ruleid: pci-test-account-in-prod
    db.session.add(Account(username="demo", password=generate_password_hash("demo123")))
    # ok: pci-test-account-in-prod
    User.objects.create_superuser("admin", "admin@example.com", os.environ["ADMIN_PASSWORD"])
    # ok: pci-test-account-in-prod
    User.objects.create_user(username=form.username, password=form.password)
