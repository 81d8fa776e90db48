from flask import Blueprint, redirect, render_template, request, url_for

from .auth import check_password, login_user

bp = Blueprint("accounts", __name__)


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("login.html")
    user = check_password(request.form["email"], request.form["password"])
    if user is None:
        return render_template("login.html", error="Invalid credentials"), 401
    login_user(user)
    next_url = request.args.get("next") or url_for("dashboard.home")
    return redirect(next_url)
