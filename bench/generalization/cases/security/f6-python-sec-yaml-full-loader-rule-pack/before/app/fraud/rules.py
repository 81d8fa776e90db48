import json
import logging
from dataclasses import dataclass, field

from flask import Blueprint, jsonify, request

log = logging.getLogger(__name__)
bp = Blueprint("fraud_rules", __name__, url_prefix="/admin/fraud")


@dataclass
class RulePack:
    name: str
    version: int
    rules: list = field(default_factory=list)


class RulePackLoader:
    def parse(self, text: str) -> RulePack:
        doc = json.loads(text)
        return RulePack(name=doc["name"], version=int(doc["version"]), rules=doc.get("rules", []))


loader = RulePackLoader()


@bp.post("/rule-packs")
def upload_rule_pack():
    upload = request.files["pack"]
    pack = loader.parse(upload.read().decode("utf-8"))
    log.info("rule pack %s v%s uploaded with %d rules", pack.name, pack.version, len(pack.rules))
    return jsonify({"name": pack.name, "version": pack.version}), 201
