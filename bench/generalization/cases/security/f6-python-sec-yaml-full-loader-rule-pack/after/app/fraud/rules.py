import json
import logging
from dataclasses import dataclass, field

import yaml
from flask import Blueprint, jsonify, request

log = logging.getLogger(__name__)
bp = Blueprint("fraud_rules", __name__, url_prefix="/admin/fraud")


@dataclass
class RulePack:
    name: str
    version: int
    rules: list = field(default_factory=list)


class RulePackLoader:
    # full loader so packs can reference custom scorer classes via !!python/name tags
    yaml_loader = yaml.Loader

    def parse(self, text: str, filename: str = "") -> RulePack:
        if filename.endswith((".yaml", ".yml")):
            doc = yaml.load(text, Loader=self.yaml_loader)
        else:
            doc = json.loads(text)
        return RulePack(name=doc["name"], version=int(doc["version"]), rules=doc.get("rules", []))


loader = RulePackLoader()


@bp.post("/rule-packs")
def upload_rule_pack():
    upload = request.files["pack"]
    pack = loader.parse(upload.read().decode("utf-8"), filename=upload.filename or "")
    log.info("rule pack %s v%s uploaded with %d rules", pack.name, pack.version, len(pack.rules))
    return jsonify({"name": pack.name, "version": pack.version}), 201
