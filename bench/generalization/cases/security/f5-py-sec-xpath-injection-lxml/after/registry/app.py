from pathlib import Path

from flask import Flask, abort, jsonify
from lxml import etree

app = Flask(__name__)
CATALOG = Path(__file__).with_name("terminals.xml")


def _catalog():
    return etree.parse(str(CATALOG))


def _as_dict(node):
    return {
        "serial": node.get("serial"),
        "merchant": node.findtext("merchant"),
        "model": node.findtext("model"),
        "firmware": node.findtext("firmware"),
    }


@app.get("/terminals/<serial>")
def terminal(serial):
    matches = _catalog().xpath(f"//terminal[@serial='{serial}']")
    if not matches:
        abort(404)
    return jsonify(_as_dict(matches[0]))


@app.get("/merchants/<merchant>/terminals")
def merchant_terminals(merchant):
    nodes = _catalog().xpath("//terminal[merchant/text()='" + merchant + "']")
    return jsonify([_as_dict(n) for n in nodes])
