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
    for node in _catalog().getroot().iter("terminal"):
        if node.get("serial") == serial:
            return jsonify(_as_dict(node))
    abort(404)
