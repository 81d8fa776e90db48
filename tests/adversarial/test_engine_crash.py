"""An engine exception while matching one file is a coverage gap, never a clean file.

semgrep 1.185 raised `Invalid_argument: String.sub` ("Other syntax error", at level
"warn") on some TypeScript files when a rule re-parsed a metavariable's text; the
exception drops every rule's findings for that file. The rule shape below is the one
that did it in a shipped pack (since rewritten); it stands for any future engine bug.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from gate.policy.packs import load_catalog
from gate.scanning.semgrep import SemgrepScanner
from tests.adversarial.test_rule_errors import MINI, ONLY_SEMGREP
from tests.conftest import GitRepo
from tests.test_cli_run import gate
from tests.test_semgrep_engine import _request

CRASHING_RULE = """
  - id: mini-cached-value
    languages: [typescript]
    severity: WARNING
    message: a value is cached
    metadata:
      severity: medium
      confidence: high
      cwe: ["CWE-312"]
      remediation: Do not cache it.
    patterns:
      - pattern: $STORE.$SET(..., $VALUE, ...)
      - metavariable-pattern:
          metavariable: $VALUE
          patterns:
            - pattern: $S
            - metavariable-regex: {metavariable: $S, regex: card}
"""
ROUTE = """import axios from "axios";
import { Router, Request, Response } from "express";

export const avatar = Router();

avatar.get("/avatar/default", (_req: Request, res: Response) => {
  res.sendFile("default.png", { root: "static" });
});

avatar.get("/avatar/proxy", async (req: Request, res: Response) => {
  const src = String(req.query.src);
  const upstream = await axios.get(src, { responseType: "stream", timeout: 5000 });
  res.setHeader("Content-Type", upstream.headers["content-type"] ?? "image/png");
  upstream.data.pipe(res);
});
"""


def _repo(repo: GitRepo) -> None:
    shutil.copytree(MINI, repo.path / "packs" / "mine")
    rules = repo.path / "packs" / "mine" / "rules" / "mini.yml"
    rules.write_text(rules.read_text().rstrip("\n") + "\n" + CRASHING_RULE)
    repo.write(".gate.yml", ONLY_SEMGREP)
    repo.write("README.md", "base\n")
    repo.commit("base")
    repo.write("src/routes/avatar.ts", ROUTE)
    repo.commit("change")


@pytest.mark.parametrize("engine", ["direct", "cli"])
def test_an_engine_exception_on_a_file_leaves_it_unanalysed(
    repo: GitRepo, tmp_path: Path, engine: str
) -> None:
    _repo(repo)
    catalog = load_catalog(["./packs/mine"], base_dir=repo.path)
    outcome = SemgrepScanner(engine).scan(
        _request(repo.path, catalog, ["src/routes/avatar.ts"], tmp_path / "work")
    )
    reasons = dict(outcome.unanalysed)
    assert "src/routes/avatar.ts" in reasons, outcome
    assert "syntax error" in reasons["src/routes/avatar.ts"].lower()


def test_the_verdict_says_the_file_was_not_analysed(repo: GitRepo, tmp_path: Path) -> None:
    _repo(repo)
    out = tmp_path / "result.json"
    result = gate(repo, "run", "--base", "HEAD~1", "--json", str(out))
    data = json.loads(out.read_text())
    assert data["verdict"] != "pass", result.stdout
    (row,) = [c for c in data["coverage"] if c["path"] == "src/routes/avatar.ts"]
    assert "not analysed by semgrep" in row["skipped"]
    assert "not analysed" in result.stdout
