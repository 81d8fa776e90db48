from flask import Blueprint, jsonify, request
from lxml import etree

bp = Blueprint("statements", __name__)
NS = {"c": "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"}
_PARSER = etree.XMLParser(resolve_entities=True, no_network=False, load_dtd=True)


@bp.post("/statements/upload")
def upload_statement():
    tree = etree.fromstring(request.get_data(), parser=_PARSER)
    entries = tree.findall(".//c:Ntry", namespaces=NS)
    return jsonify(entries=len(entries))
