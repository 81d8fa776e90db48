import os
import shlex
import sqlite3
import subprocess
import sys

import jinja2
import httpx
import requests
import sqlalchemy
from django.http import HttpResponseRedirect
from flask import (
    Flask,
    redirect,
    render_template,
    render_template_string,
    request,
    send_file,
    url_for,
)
from werkzeug.utils import secure_filename

app = Flask(__name__)
db = sqlite3.connect("app.db")


def find_user(cur, username):
    # ruleid: sec-sql-injection
    cur.execute(f"SELECT * FROM users WHERE name = '{username}'")
    return cur.fetchone()


def delete_order(cur, order_id):
    query = "DELETE FROM orders WHERE id = " + order_id
    # ruleid: sec-sql-injection
    cur.execute(query)


def search(cur, term):
    # ruleid: sec-sql-injection
    cur.execute("SELECT id FROM items WHERE title LIKE '%%%s%%'" % term)


@app.route("/report")
def report():
    # ruleid: sec-sql-injection
    rows = db.execute("SELECT * FROM sales WHERE region = '{}'".format(request.args["region"]))
    return str(list(rows))


def find_user_safe(cur, username):
    # ok: sec-sql-injection
    cur.execute("SELECT * FROM users WHERE name = %s", (username,))
    return cur.fetchone()


def count_users(cur):
    # ok: sec-sql-injection
    cur.execute("SELECT count(*) FROM users")
    # ok: sec-sql-injection
    cur.execute("SELECT * FROM users WHERE id = ?", [request.args["id"]])


class SQLiteWrapper:
    # noise corpus (bench/noise_corpus.py): django/db/backends/sqlite3/base.py, oracle/features.py
    def begin(self, cur):
        # ok: sec-sql-injection
        cur.execute(f"BEGIN {self.transaction_mode}")
        sql = "SELECT CAST('a' AS VARCHAR2(4001))" + self.bare_select_suffix
        # ok: sec-sql-injection
        cur.execute(sql)

    def rename(self, cur):
        # ruleid: sec-sql-injection
        cur.execute("UPDATE users SET name = '%s'" % self.name)
        # ruleid: sec-sql-injection
        cur.execute(f"SELECT * FROM {self.table_sql} WHERE name = '{self.name}'")


# Placeholders and allowlisted identifiers interpolated: the values still travel as
# parameters, the identifier is one the code chose.
SORTABLE = {"created_at", "total"}


class ProductStore:
    def __init__(self, path):
        self._conn = sqlite3.connect(path)

    def by_skus(self, skus):
        marks = ",".join("?" for _ in skus)
        sql = f"SELECT sku, name FROM products WHERE sku IN ({marks})"
        # ok: sec-sql-injection
        return self._conn.execute(sql, tuple(skus)).fetchall()

    def drop_carts(self, cur, ids):
        placeholders = ", ".join(["%s"] * len(ids))
        # ok: sec-sql-injection
        cur.execute("DELETE FROM carts WHERE id IN (%s)" % placeholders, ids)

    def orders_sorted(self, cur, sort):
        column = sort if sort in SORTABLE else "created_at"
        # ok: sec-sql-injection
        cur.execute(f"SELECT * FROM orders ORDER BY {column}")

    def orders_sorted_by_request(self, cur):
        column = request.args["sort"] if request.args["sort"] in SORTABLE else "total"
        # ok: sec-sql-injection
        cur.execute(f"SELECT * FROM orders ORDER BY {column}")

    def orders_checked(self, cur, sort):
        if sort not in SORTABLE:
            raise ValueError(f"cannot sort by {sort}")
        # ok: sec-sql-injection
        cur.execute(f"SELECT * FROM orders ORDER BY {sort}")

    def by_names(self, cur, names):
        joined = ",".join(names)
        # ruleid: sec-sql-injection
        cur.execute(f"SELECT * FROM products WHERE name IN ({joined})")

    def by_names_quoted(self, cur, names):
        joined = ",".join("'%s'" % n for n in names)
        # ruleid: sec-sql-injection
        cur.execute(f"SELECT * FROM products WHERE name IN ({joined})")

    def by_names_sorted(self, cur, names, sort):
        marks = ",".join("?" for _ in names)
        # ruleid: sec-sql-injection
        cur.execute(f"SELECT * FROM products WHERE name IN ({marks}) ORDER BY {sort}", names)

    def orders_any_sort(self, cur, sort):
        column = sort if sort else "created_at"
        # ruleid: sec-sql-injection
        cur.execute(f"SELECT * FROM orders ORDER BY {column}")


def ping(host):
    # ruleid: sec-command-injection
    os.system("ping -c 1 " + host)


def archive(name):
    cmd = f"tar czf /backups/{name}.tgz /data"
    # ruleid: sec-command-injection
    subprocess.run(cmd, shell=True, check=True)


def convert():
    # ruleid: sec-command-injection
    subprocess.check_output("convert %s out.png" % sys.argv[1], shell=True)


def ping_safe(host):
    # ok: sec-command-injection
    subprocess.run(["ping", "-c", "1", host], check=True)
    # ok: sec-command-injection
    os.system("ping -c 1 " + shlex.quote(host))
    # ok: sec-command-injection
    subprocess.run("ls -l /var/log", shell=True, check=True)


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    # ruleid: sec-template-injection
    return render_template_string("<h1>Hello " + name + "</h1>")


def render_mail(body_template, context):
    # ruleid: sec-template-injection
    return jinja2.Template(body_template).render(**context)


def render_page(source, context):
    env = jinja2.Environment(autoescape=True)
    # ruleid: sec-template-injection
    return env.from_string(source).render(**context)


class Release:
    @classmethod
    def parse(cls, text):
        # ok: sec-template-injection
        version = Version.from_string(request.args["version"])
        # ok: sec-template-injection
        price = Money.from_string(text)
        return version, price


@app.route("/hello-safe")
def hello_safe():
    # ok: sec-template-injection
    page = render_template_string("<h1>Hello {{ name }}</h1>", name=request.args.get("name"))
    # ok: sec-template-injection
    return page + render_template("hello.html", name=request.args.get("name"))


@app.route("/download")
def download():
    filename = request.args["file"]
    # ruleid: sec-path-traversal
    return send_file(os.path.join("/srv/files", filename))


@app.route("/upload", methods=["POST"])
def upload():
    upload = request.files["doc"]
    # ruleid: sec-path-traversal
    with open("/srv/uploads/" + upload.filename, "wb") as handle:
        handle.write(upload.read())
    safe = secure_filename(upload.filename)
    # ok: sec-path-traversal
    with open(os.path.join("/srv/uploads", safe), "wb") as handle:
        handle.write(upload.read())
    # ok: sec-path-traversal
    return send_file("/srv/files/terms.pdf")


@app.route("/preview")
def preview():
    url = request.args["url"]
    # ruleid: sec-ssrf
    return requests.get(url, timeout=5).text


@app.route("/hook", methods=["POST"])
def hook():
    target = request.json["callback"]
    # ruleid: sec-ssrf
    requests.post(target, json={"ok": True}, timeout=5)
    # ok: sec-ssrf
    requests.get("https://api.example.com/search", params={"q": request.args["q"]}, timeout=5)
    # ok: sec-ssrf
    return requests.get("https://status.example.com/health", timeout=5).text


def ssrf_receivers():
    options = {"page": "1", "sort": "date"}
    # ok: sec-ssrf
    page = options.get(request.args.get("field", "page"))
    filters = request.args.to_dict()
    # ok: sec-ssrf
    status = filters.get(request.args["key"], "open")
    session = requests.Session()
    # ruleid: sec-ssrf
    session.get(request.args["url"], timeout=5)
    with httpx.Client() as client:
        # ruleid: sec-ssrf
        client.post(request.form["callback"], timeout=5)
    return page, status


class Fetcher:
    def __init__(self):
        self.session = requests.Session()

    def fetch(self):
        # ruleid: sec-ssrf
        return self.session.get(request.args["url"], timeout=5)


@app.route("/login")
def login():
    next_url = request.args.get("next")
    # ruleid: sec-open-redirect
    return redirect(next_url)


def django_login(request):
    # ruleid: sec-open-redirect
    return HttpResponseRedirect(request.GET["next"])


def change_password(request):
    # noise corpus (bench/noise_corpus.py): django/contrib/auth/admin.py (Django 5.1)
    if request.method == "POST":
        # ok: sec-open-redirect
        return HttpResponseRedirect(request.get_full_path())
    # ruleid: sec-open-redirect
    return HttpResponseRedirect(request.get_full_path() + request.GET["then"])


@app.route("/logout")
def logout():
    # ok: sec-open-redirect
    return redirect(url_for("index"))


def home(request):
    # ok: sec-open-redirect
    return HttpResponseRedirect("/dashboard")


def calc(expression):
    # ruleid: sec-eval-injection
    return eval(expression)


def run_plugin(source):
    # ruleid: sec-eval-injection
    exec(source, {"__builtins__": {}})


@app.route("/rules/check", methods=["POST"])
def check_rule():
    rule_source = request.form["rule"]
    # ruleid: sec-eval-injection
    code = compile(rule_source, "<rule>", "exec")
    namespace = {}
    # ruleid: sec-eval-injection
    exec(code, namespace)
    return str(namespace.get("result"))


def load_settings(path):
    with open(path) as fh:
        # ruleid: sec-eval-injection
        exec(compile(fh.read(), path, "exec"), {})
    # ok: sec-eval-injection
    return compile("x + 1", "<expr>", "eval")


def constants():
    # ok: sec-eval-injection
    value = eval("2 ** 10")
    import ast

    # ok: sec-eval-injection
    return value + ast.literal_eval(request.args["n"])


def render_template_string(source, **context):
    """The framework's public API: render a template from a string."""
    # ok: sec-template-injection
    template = app.jinja_env.from_string(source)
    return template.render(**context)


def stream_template_string(source, **context):
    # ok: sec-template-injection
    return app.jinja_env.from_string(source).generate(**context)


@app.route("/preview")
def preview():
    body = request.args["body"]
    # ruleid: sec-template-injection
    return app.jinja_env.from_string(body).render()


# A one-level helper in the same file that runs the SQL it is given.
def _rows(conn, sql, params=()):
    cur = conn.execute(sql, params)
    return cur.fetchall()


class CatalogStore:
    def __init__(self, path):
        self._conn = sqlite3.connect(path)

    def by_sku(self, sku):
        # ok: sec-sql-injection
        return _rows(self._conn, "SELECT * FROM products WHERE sku = ?", (sku,))

    def by_term(self, term):
        # ok: sec-sql-injection
        return _rows(self._conn, "SELECT * FROM products WHERE name LIKE ?", (f"%{term}%",))

    def search(self, term, order="name"):
        sql = f"SELECT * FROM products WHERE name LIKE '%{term}%' ORDER BY {order}"
        # ruleid: sec-sql-injection
        return _rows(self._conn, sql)

    def search_inline(self, term):
        # ruleid: sec-sql-injection
        return _rows(self._conn, "SELECT * FROM products WHERE name = '%s'" % term)


# --- path traversal: route path parameters, pathlib, uploads, containment checks ---
from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse
from starlette.responses import FileResponse as StarletteFileResponse

api = FastAPI()
router = APIRouter()
MEDIA_ROOT = "/srv/media"
EXPORTS = Path("/srv/exports")


@api.get("/media/{name}")
def media(name: str):
    # ruleid: sec-path-traversal
    return FileResponse(os.path.join(MEDIA_ROOT, name))


@router.get("/exports/{report_id}/{filename}")
async def export_file(report_id: str, filename: str):
    # ruleid: sec-path-traversal
    return StarletteFileResponse(EXPORTS / report_id / filename)


@api.get("/notes/{slug}")
def note(slug: str):
    # ruleid: sec-path-traversal
    with open(EXPORTS / f"{slug}.md") as fh:
        return fh.read()


@app.route("/avatars/<path:name>")
def avatar(name):
    # ruleid: sec-path-traversal
    return (EXPORTS / "avatars" / name).read_bytes()


@app.route("/attachments", methods=["POST"])
def attach():
    doc = request.files["attachment"]
    # ruleid: sec-path-traversal
    doc.save("./uploads/" + doc.filename)
    # ok: sec-path-traversal
    doc.save(os.path.join("./uploads", secure_filename(doc.filename)))
    return "saved"


@api.get("/invoices/{invoice_id}")
def invoice(invoice_id: int):
    # ok: sec-path-traversal
    return FileResponse(os.path.join(MEDIA_ROOT, "invoices", f"{invoice_id}.pdf"))


@api.get("/static/{name}")
def static_file(name: str):
    full = os.path.realpath(os.path.join(MEDIA_ROOT, name))
    if not full.startswith(MEDIA_ROOT + os.sep):
        raise PermissionError(name)
    # ok: sec-path-traversal
    return FileResponse(full)


@api.get("/reports/{name}")
def report(name: str):
    target = (EXPORTS / name).resolve()
    if not target.is_relative_to(EXPORTS):
        return {"error": "not found"}
    # ok: sec-path-traversal
    return FileResponse(target)


@app.route("/docs")
def docs_page():
    wanted = request.args.get("page", "index.html")
    full = os.path.abspath(os.path.join(MEDIA_ROOT, wanted))
    if os.path.commonpath([MEDIA_ROOT, full]) != MEDIA_ROOT:
        return "no", 404
    # ok: sec-path-traversal
    return send_file(full)


@app.route("/thumbs")
def thumbs():
    name = request.args.get("name")
    if not os.path.normpath(name).startswith("thumbs/"):
        raise ValueError("bad path")
    # ok: sec-path-traversal
    return send_file(f"media/{name}")


@app.route("/thumbs-unchecked")
def thumbs_unchecked():
    name = request.args.get("name")
    if not name.startswith("thumbs/"):
        raise ValueError("bad path")
    # ruleid: sec-path-traversal
    return send_file(f"media/{name}")


def load_fixture(name):
    # ok: sec-path-traversal
    return open(os.path.join("fixtures", name)).read()


SORT_COLUMNS = {"date": "created_at", "amount": "amount_cents"}


class SortedRepository:
    def __init__(self, conn):
        self._conn = conn

    def listed(self, sort, descending=True):
        column = SORT_COLUMNS.get(sort, "created_at")
        direction = "DESC" if descending else "ASC"
        # ok: sec-sql-injection
        return self._conn.execute(f"SELECT id FROM t ORDER BY {column} {direction}")

    def indexed(self, sort):
        column = SORT_COLUMNS[sort]
        # ok: sec-sql-injection
        return self._conn.execute("SELECT id FROM t ORDER BY " + column)

    def raw(self, params, sort):
        column = params.get(sort, "created_at")
        # ruleid: sec-sql-injection
        return self._conn.execute(f"SELECT id FROM t ORDER BY {column}")


def sorted_rows(conn, sort):
    column = SORT_COLUMNS.get(sort, "created_at")
    # ok: sec-sql-injection
    return conn.execute(f"SELECT id FROM t ORDER BY {column}")


# SQL text assembled from the code's own constants; values bound as named parameters.
SETTLEMENTS = "settlements"
REPORT_COLUMNS = ("id", "merchant", "amount", "day")
AUDIT_COLUMNS = ["id", "actor", "action"]


def settlements_since(conn, merchant, since):
    cols = ", ".join(REPORT_COLUMNS)
    # ok: sec-sql-injection
    stmt = sqlalchemy.text(f"SELECT {cols} FROM {SETTLEMENTS} WHERE merchant = :m AND day >= :d")
    return conn.execute(stmt, {"m": merchant, "d": since}).fetchall()


class AuditLog:
    def recent(self, cur, actor):
        cols = ",".join(AUDIT_COLUMNS)
        order = "created_at DESC"
        # ok: sec-sql-injection
        cur.execute(f"SELECT {cols} FROM audit WHERE actor = %s ORDER BY {order}", (actor,))
        return cur.fetchall()

    def by_table(self, cur, table):
        cols = ",".join(AUDIT_COLUMNS)
        # ruleid: sec-sql-injection
        cur.execute(f"SELECT {cols} FROM {table}")

    def by_columns(self, cur, columns):
        cols = ",".join(columns)
        # ruleid: sec-sql-injection
        cur.execute(f"SELECT {cols} FROM {SETTLEMENTS}")

    def by_actor(self, cur, actor):
        cols = ",".join(AUDIT_COLUMNS)
        # ruleid: sec-sql-injection
        cur.execute(f"SELECT {cols} FROM {SETTLEMENTS} WHERE actor = '{actor}'")


# --- storage roots: a method joins its file-name parameter onto the root and reads it ---
MEDIA_ROOT = Path("/srv/media")
UPLOAD_DIR = "/srv/uploads"


class InvoiceStore:
    def __init__(self, root: Path):
        self.root = root

    def read(self, name: str) -> bytes:
        # ruleid: sec-path-traversal-base-join
        return (self.root / name).read_bytes()

    def remove(self, filename):
        target = os.path.join(UPLOAD_DIR, filename)
        # ruleid: sec-path-traversal-base-join
        os.remove(target)

    def receipt(self, key):
        # ruleid: sec-path-traversal-base-join
        with open(os.path.join(self.storage_dir, f"{key}.pdf"), "rb") as fh:
            return fh.read()

    def save(self, invoice_id: int, pdf: bytes) -> Path:
        target = self.root / f"invoice-{invoice_id}.pdf"
        # ok: sec-path-traversal-base-join
        target.write_bytes(pdf)
        return target

    def read_checked(self, name: str) -> bytes:
        path = (self.root / name).resolve()
        if not path.is_relative_to(self.root.resolve()):
            raise PermissionError(name)
        # ok: sec-path-traversal-base-join
        return path.read_bytes()

    def read_plain(self, name: str) -> bytes:
        safe = secure_filename(name)
        # ok: sec-path-traversal-base-join
        return (self.root / safe).read_bytes()

    def _load(self, name):
        # ok: sec-path-traversal-base-join
        return (self.root / name).read_text()


def media_bytes(filename):
    # ruleid: sec-path-traversal-base-join
    return (MEDIA_ROOT / filename).read_bytes()


def template_text(template_dir, name):
    # ok: sec-path-traversal-base-join
    return open(os.path.join(template_dir, name)).read()
