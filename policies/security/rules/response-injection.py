import flask
from flask import Flask, Response, jsonify, make_response, redirect, request, url_for
from markupsafe import escape
from werkzeug.datastructures import Headers

app = Flask(__name__)


@app.route("/hello")
def hello():
    who = request.args.get("who", "")
    # ruleid: sec-xss-response-body
    return make_response("<p>Hi " + who + "</p>", 200)


@app.route("/echo", methods=["POST"])
def echo():
    text = request.form["text"]
    page = "<pre>{}</pre>".format(text)
    # ruleid: sec-xss-response-body
    return Response(page)


@app.route("/hello-safe")
def hello_safe():
    # ok: sec-xss-response-body
    return make_response("<p>Hi %s</p>" % escape(request.args.get("who", "")))


@app.route("/hello-json")
def hello_json():
    # ok: sec-xss-response-body
    return Response(request.args.get("who", ""), mimetype="application/json")


@app.route("/go")
def go():
    dest = request.args.get("to") or "/"
    resp = Response(status=302)
    # ruleid: sec-open-redirect-flow
    resp.headers["Location"] = dest
    return resp


@app.route("/back")
def back():
    # ruleid: sec-open-redirect-flow
    return redirect(request.values.get("back"), code=303)


@app.route("/home")
def home():
    # ok: sec-open-redirect-flow
    return redirect(url_for("index", tab=request.args.get("tab")))


@app.route("/fixed")
def fixed():
    resp = flask.Response(status=302)
    # ok: sec-open-redirect-flow
    resp.headers["Location"] = "/login"
    return resp


@app.route("/export")
def export():
    name = request.args["name"]
    resp = Response("a,b\n")
    # ruleid: sec-header-injection
    resp.headers["Content-Disposition"] = "attachment; filename=" + name
    return resp


@app.route("/typed")
def typed():
    h = Headers()
    # ruleid: sec-header-injection
    h.add("X-Trace", request.headers.get("X-Trace-In"))
    return Response("ok", headers=h)


@app.route("/typed-safe")
def typed_safe():
    resp = Response("ok")
    # ok: sec-header-injection
    resp.headers["X-Mode"] = "fast" if request.args.get("fast") else "slow"
    return resp


@app.route("/quoted")
def quoted():
    from urllib.parse import quote

    resp = Response("ok")
    # ok: sec-header-injection
    resp.headers["Content-Disposition"] = "attachment; filename=" + quote(request.args["n"])
    return resp
