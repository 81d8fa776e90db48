"""The direct semgrep-core path against `semgrep scan`: same findings, and a safe fallback.

The direct path depends on semgrep's internal targets format, which is why pyproject pins
the semgrep range and these tests exist: run them after changing that pin.
"""

from __future__ import annotations

import dataclasses
import shutil
import stat
from pathlib import Path

import pytest

from gate.change.model import ChangedFile, ChangeKind
from gate.errors import ConfigError
from gate.policy.packs import BUILTIN_PACKS, Catalog, load_catalog, policies_root
from gate.scanning import semgrep as semgrep_module
from gate.scanning.base import ScanOutcome, ScanRequest, ScanTarget
from gate.scanning.languages import detect_language
from gate.scanning.semgrep import SemgrepScanner, semgrep_executable
from gate.scanning.semgrep_core import Engine, find_engine
from tests.conftest import PROJECT_ROOT

MINI_PACK = PROJECT_ROOT / "tests" / "data" / "packs" / "mini"
pytestmark = pytest.mark.skipif(
    find_engine(semgrep_executable()) is None,
    reason="the installed semgrep has no usable bundled engine (outside the pinned range?)",
)


def _shipped_catalog() -> Catalog:
    packs = [p for p in BUILTIN_PACKS if (policies_root() / p / "pack.yml").is_file()]
    return load_catalog(packs)


def _request(root: Path, catalog: Catalog, names: list[str], work: Path) -> ScanRequest:
    work.mkdir(exist_ok=True)
    targets = tuple(
        ScanTarget(file=ChangedFile(path=n, kind=ChangeKind.WHOLE), language=detect_language(n))
        for n in names
    )
    return ScanRequest(root=root, targets=targets, catalog=catalog, timeout=300, work_dir=work)


def _key(outcome: ScanOutcome) -> list[tuple[str, str, int, int, int, int, str]]:
    return sorted(
        (f.rule_id, f.path, f.start_line, f.end_line, f.start_col, f.end_col, f.message)
        for f in outcome.findings
    )


@pytest.fixture(scope="module")
def rule_samples(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """Every positive/negative sample file shipped beside the packs' rules."""
    root = tmp_path_factory.mktemp("samples")
    names = []
    for sample in sorted(policies_root().glob("*/rules/*")):
        if sample.suffix in (".yml", ".yaml") or not sample.is_file():
            continue
        name = f"{sample.parent.parent.name}/{sample.name}"
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(sample, root / name)
        names.append(name)
    (root / "nosem.py").write_text("eval(data)  # nosemgrep\n")
    names.append("nosem.py")
    return root, names


def test_direct_engine_and_cli_report_the_same_findings(
    rule_samples: tuple[Path, list[str]], tmp_path: Path
) -> None:
    root, names = rule_samples
    catalog = _shipped_catalog()
    direct = SemgrepScanner("direct").scan(_request(root, catalog, names, tmp_path / "d"))
    cli = SemgrepScanner("cli").scan(_request(root, catalog, names, tmp_path / "c"))
    assert direct.ok and cli.ok, (direct.error, cli.error)
    assert len(direct.findings) > 20  # the samples exercise the rules
    assert _key(direct) == _key(cli)
    analysed_by_cli = set(cli.files)
    assert set(direct.files) <= analysed_by_cli


def test_engine_path_is_recorded_in_the_version(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text("eval(data)\n")
    catalog = load_catalog([str(MINI_PACK)])
    direct = SemgrepScanner().scan(_request(tmp_path, catalog, ["app.py"], tmp_path / "w1"))
    cli = SemgrepScanner("cli").scan(_request(tmp_path, catalog, ["app.py"], tmp_path / "w2"))
    assert direct.version.endswith("(semgrep-core direct)")
    assert cli.version.endswith("(semgrep CLI)")
    assert direct.version.split()[0] == cli.version.split()[0]


def test_nosemgrep_comment_does_not_silence_the_direct_engine(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text("eval(data)  # nosemgrep\n")
    catalog = load_catalog([str(MINI_PACK)])
    outcome = SemgrepScanner("direct").scan(_request(tmp_path, catalog, ["app.py"], tmp_path / "w"))
    assert [(f.rule_id, f.start_line) for f in outcome.findings] == [("mini-eval", 1)]


def _broken_engine(tmp_path: Path, script: str) -> Engine:
    real = find_engine(semgrep_executable())
    assert real is not None
    fake = tmp_path / "semgrep-core"
    fake.write_text("#!/bin/sh\n" + script)
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    return dataclasses.replace(real, core=fake)


@pytest.mark.parametrize(
    "script",
    ["echo 'Segmentation fault' >&2; exit 139\n", "echo '{\"results\": []}'\n"],
)
def test_broken_direct_engine_falls_back_to_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str
) -> None:
    engine = _broken_engine(tmp_path, script)
    monkeypatch.setattr(semgrep_module, "find_engine", lambda _cli: engine)
    (tmp_path / "app.py").write_text("eval(data)\n")
    catalog = load_catalog([str(MINI_PACK)])
    outcome = SemgrepScanner().scan(_request(tmp_path, catalog, ["app.py"], tmp_path / "w"))
    assert outcome.ok, outcome.error
    assert "(semgrep CLI; direct engine failed: semgrep-core" in outcome.version
    assert [f.rule_id for f in outcome.findings] == ["mini-eval"]


def test_broken_direct_engine_without_fallback_fails_closed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = _broken_engine(tmp_path, "exit 139\n")
    monkeypatch.setattr(semgrep_module, "find_engine", lambda _cli: engine)
    (tmp_path / "app.py").write_text("eval(data)\n")
    catalog = load_catalog([str(MINI_PACK)])
    outcome = SemgrepScanner("direct").scan(_request(tmp_path, catalog, ["app.py"], tmp_path / "w"))
    assert not outcome.ok and outcome.error.startswith("semgrep: semgrep-core exit 139")


def test_a_different_semgrep_on_path_disables_the_direct_engine(tmp_path: Path) -> None:
    other = tmp_path / "semgrep"
    other.write_text("#!/bin/sh\nexit 0\n")
    other.chmod(other.stat().st_mode | stat.S_IEXEC)
    assert find_engine(str(other)) is None
    assert find_engine(None) is None


def test_invalid_rule_is_an_error_on_both_paths(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text("eval(data)\n")
    catalog = load_catalog([str(MINI_PACK)])
    broken = dict(catalog.semgrep_rules[0])
    broken.pop("pattern", None)
    broken.pop("patterns", None)
    broken.pop("pattern-either", None)
    broken["pattern"] = "eval(("
    catalog = dataclasses.replace(catalog, semgrep_rules=(broken, *catalog.semgrep_rules[1:]))
    # A rule semgrep rejects is the pack's configuration error, named by its file and line
    # (tests/adversarial/test_rule_errors.py), never a pass and never a scanner crash.
    for engine in ("auto", "cli"):
        request = _request(tmp_path, catalog, ["app.py"], tmp_path / f"w-{engine}")
        with pytest.raises(ConfigError, match=r"mini\.yml:\d+: rule 'mini-card-logged': "):
            SemgrepScanner(engine).scan(request)


# --- mixed diffs: every file type on the direct engine (issue 19) ------------------------


def _mixed_tree(root: Path) -> list[str]:
    files = {
        "README.md": "# Payments\n\nSee `docs/`.\n",
        "package.json": '{"name": "shop", "version": "1.0.0"}\n',
        "deploy/ci.yml": "steps:\n  - run: make test\n",
        "setup.cfg": "[metadata]\nname = shop\n",
        "go.sum": "example.com/x v1.0.0 h1:abc=\n",
        "templates/page.html": "<p>{{ comment|safe }}</p>\n",
        "app.py": "import os\n\ndef run(cmd):\n    os.system(cmd)\n    return eval(cmd)\n",
        "web.js": "function f(req) { return eval(req.query.x); }\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return sorted(files)


def test_mixed_diff_stays_on_the_direct_engine_with_the_clis_findings(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    names = _mixed_tree(root)
    catalog = _shipped_catalog()
    direct = SemgrepScanner().scan(_request(root, catalog, names, tmp_path / "d"))
    cli = SemgrepScanner("cli").scan(_request(root, catalog, names, tmp_path / "c"))
    assert direct.ok and cli.ok, (direct.error, cli.error)
    assert direct.version.endswith("(semgrep-core direct)"), direct.version
    assert _key(direct) == _key(cli)
    assert {f.path for f in direct.findings} >= {"app.py", "web.js", "templates/page.html"}
    no_rules = {path for path, why in direct.unanalysed if "no rule applies" in why}
    assert no_rules == {"README.md", "package.json", "deploy/ci.yml", "setup.cfg", "go.sum"}
    assert set(direct.files) == {"app.py", "web.js", "templates/page.html"}


def test_a_file_the_engine_skips_alone_goes_through_the_cli(tmp_path: Path) -> None:
    """A rule whose anchored `paths.include` gate reads loosely: the engine skips the file,
    and only that file is re-scanned by the CLI (the rest keeps the direct engine's answer)."""
    pack = tmp_path / "pack"
    (pack / "rules").mkdir(parents=True)
    (pack / "pack.yml").write_text(
        (MINI_PACK / "pack.yml").read_text().replace("id: mini", "id: anchored")
    )
    (pack / "rules" / "r.yml").write_text(
        "rules:\n"
        "  - id: anchored-todo\n"
        "    languages: [generic]\n"
        "    paths:\n"
        "      include: ['/src/*.tpl']\n"
        "    pattern-regex: TODO-SECURITY\n"
        "    message: m\n"
        "    severity: WARNING\n"
        "    metadata: {title: t, severity: medium, confidence: high, cwe: [CWE-1],\n"
        "               remediation: r}\n"
        "  - id: py-eval\n"
        "    languages: [python]\n"
        "    pattern: eval(...)\n"
        "    message: m\n"
        "    severity: WARNING\n"
        "    metadata: {title: t, severity: high, confidence: high, cwe: [CWE-95],\n"
        "               remediation: r}\n"
    )
    root = tmp_path / "repo"
    (root / "lib" / "src").mkdir(parents=True)
    (root / "lib" / "src" / "a.tpl").write_text("TODO-SECURITY\n")
    (root / "app.py").write_text("eval(x)\n")
    catalog = load_catalog([str(pack)])
    names = ["app.py", "lib/src/a.tpl"]
    outcome = SemgrepScanner().scan(_request(root, catalog, names, tmp_path / "w"))
    cli = SemgrepScanner("cli").scan(_request(root, catalog, names, tmp_path / "c"))
    assert outcome.ok, outcome.error
    assert "(semgrep-core direct) + semgrep CLI for 1 file(s)" in outcome.version
    assert _key(outcome) == _key(cli)
    assert ("py-eval", "app.py") in {(f.rule_id, f.path) for f in outcome.findings}
