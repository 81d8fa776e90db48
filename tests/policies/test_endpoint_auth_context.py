"""pci-endpoint-unauthenticated judges a route by its file's context (issue 14).

A state-changing route on an ordinary path is reported when the file has an
authentication system (an auth import or decorator) that the route does not use; in a
small app with no authentication anywhere only routes that serve payment, account or
admin data are. Sensitive words count in literal path segments, not in `<param>` names.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

RULES = Path(__file__).resolve().parents[2] / "policies" / "pci-dss" / "rules" / "auth.yml"

NO_AUTH_APP = """\
import os

from flask import Flask, request

app = Flask(__name__)


@app.route("/pdf/upload", methods=["POST"])
def upload_pdf():
    pdf = request.files.get("pdf")
    pdf.save(os.path.join("uploads", "statement.pdf"))
    return "saved"


@app.route("/hello/<username>")
def hello(username):
    return f"hello {username}"


@app.route("/refunds", methods=["POST"])
def create_refund():
    return refunds.create(request.json)
"""

APP_WITH_LOGIN = """\
from flask import Flask, request
from flask_login import login_required

app = Flask(__name__)


@app.route("/pdf/upload", methods=["POST"])
def upload_pdf():
    return store(request.files["pdf"])


@app.route("/profile", methods=["POST"])
@login_required
def profile():
    return save_profile(request.form)
"""


def _lines(tmp_path: Path, source: str) -> set[int]:
    local = Path(sys.executable).with_name("semgrep")
    semgrep = str(local) if local.is_file() else shutil.which("semgrep")
    if not semgrep:
        pytest.skip("semgrep is not installed")
    target = tmp_path / "app.py"
    target.write_text(source, encoding="utf-8")
    out = subprocess.run(
        [
            semgrep,
            "--config",
            str(RULES),
            "--json",
            "--metrics=off",
            "--disable-version-check",
            str(target),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    results = json.loads(out.stdout)["results"]
    return {
        r["start"]["line"]
        for r in results
        if r["check_id"].endswith("pci-endpoint-unauthenticated")
    }


def _line(source: str, needle: str) -> int:
    return next(i for i, text in enumerate(source.splitlines(), 1) if needle in text)


def test_upload_route_of_an_app_without_any_auth_is_not_reported(tmp_path: Path) -> None:
    lines = _lines(tmp_path, NO_AUTH_APP)
    assert _line(NO_AUTH_APP, '"/pdf/upload"') not in lines
    assert _line(NO_AUTH_APP, '"/hello/<username>"') not in lines


def test_payment_route_of_an_app_without_any_auth_is_still_reported(tmp_path: Path) -> None:
    assert _line(NO_AUTH_APP, '"/refunds"') in _lines(tmp_path, NO_AUTH_APP)


def test_state_change_beside_protected_routes_is_reported(tmp_path: Path) -> None:
    lines = _lines(tmp_path, APP_WITH_LOGIN)
    assert _line(APP_WITH_LOGIN, '"/pdf/upload"') in lines
    assert _line(APP_WITH_LOGIN, '"/profile"') not in lines
