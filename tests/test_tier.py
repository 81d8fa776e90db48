"""Risk tiers: one test per signal, combinations, routing and config validation."""

from __future__ import annotations

from pathlib import Path

import pytest

import gate.policy.classify
from gate.change.diff import resolve_change
from gate.change.model import Change, ChangedFile, ChangeKind, DiffMode
from gate.decision.tier import assess_risk
from gate.decision.tier_config import validate_risk, validate_routing
from gate.errors import ConfigError
from gate.findings import Finding, Severity, Status
from gate.policy.config import Config, parse_config
from gate.report import Risk
from tests.conftest import GitRepo

DEFAULTS = Config(source="defaults")


def _change(root: Path, files: dict[str, str], kind: ChangeKind = ChangeKind.ADDED) -> Change:
    changed = []
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        lines = max(len(text.splitlines()), 1)
        changed.append(ChangedFile(path=path, kind=kind, added=((1, lines),)))
    return Change(
        mode=DiffMode.BASE,
        description="test",
        repo_root=root,
        content_root=root,
        files=tuple(changed),
    )


def _finding(
    severity: Severity,
    *,
    rule: str = "rule-x",
    path: str = "app/x.py",
    status: Status = Status.ACTIVE,
    data_classes: tuple[str, ...] = (),
    controls: tuple[str, ...] = (),
) -> Finding:
    return Finding(
        rule_id=rule,
        sources=("test",),
        severity=severity,
        path=path,
        start_line=1,
        end_line=1,
        message="m",
        status=status,
        data_classes=data_classes,
        controls=controls,
    )


def _signals(risk: Risk) -> dict[str, int]:
    return {s.signal: s.tier for s in risk.signals}


@pytest.fixture
def no_classifier(monkeypatch: pytest.MonkeyPatch) -> None:
    """As before gate.policy.classify.classify_name existed: the signal says it was skipped."""
    monkeypatch.delattr(gate.policy.classify, "classify_name", raising=False)


def _fake_classify(monkeypatch: pytest.MonkeyPatch, table: dict[str, str]) -> None:
    def classify_name(identifier: str) -> frozenset[str]:
        return frozenset({table[identifier]}) if identifier in table else frozenset()

    monkeypatch.setattr(gate.policy.classify, "classify_name", classify_name, raising=False)


def test_docs_and_tests_only_change_is_tier_0_with_plain_review_note(tmp_path: Path) -> None:
    change = _change(tmp_path, {"docs/guide.md": "hello\n", "tests/test_a.py": "x = 1\n"})
    risk = assess_risk(change, (), DEFAULTS)
    assert risk.tier == 0
    assert risk.name == "routine"
    assert "needs only a normal architecture/business-logic review" in risk.review_note
    assert risk.labels == ("gate:tier-0-routine",)
    assert not risk.blocking


def test_findings_below_warn_on_keep_docs_change_at_tier_0_but_medium_raises_it(
    tmp_path: Path,
) -> None:
    change = _change(tmp_path, {"README.md": "hello\n"})
    assert assess_risk(change, (_finding(Severity.INFO),), DEFAULTS).tier == 0
    assert assess_risk(change, (_finding(Severity.LOW),), DEFAULTS).tier == 0
    assert assess_risk(change, (_finding(Severity.MEDIUM),), DEFAULTS).tier == 1


def test_plain_application_code_is_tier_1(tmp_path: Path, no_classifier: None) -> None:
    risk = assess_risk(_change(tmp_path, {"app/views.py": "x = 1\n"}), (), DEFAULTS)
    assert risk.tier == 1
    assert _signals(risk) == {"path:code": 1, "data:identifiers-not-classified": 0}
    assert "code owner" in risk.review_note


@pytest.mark.parametrize(
    ("path", "signal", "tier"),
    [
        # built-in name guesses alone stop at tier 2; a key file is known by its type
        ("src/payments/charge.py", "path:payments", 2),
        ("app/services/PaymentService.java", "path:payments", 2),
        ("deploy/certs/server.pem", "path:keys", 3),
        ("app/audit/log.py", "path:audit", 2),
        ("app/auth/views.py", "path:auth", 2),
        ("lib/encryption.py", "path:crypto", 2),
        ("app/customers/models.py", "path:pii", 2),
        ("app/migrations/0002_add_col.py", "path:migrations", 2),
        ("infra/main.tf", "path:infrastructure", 2),
        ("project/settings.py", "path:security_config", 2),
    ],
)
def test_sensitive_area_paths_raise_the_tier(
    tmp_path: Path, path: str, signal: str, tier: int
) -> None:
    risk = assess_risk(_change(tmp_path, {path: "x = 1\n"}), (), DEFAULTS)
    assert _signals(risk)[signal] == tier
    assert risk.tier == tier
    assert "path:code" not in _signals(risk)


def test_test_file_under_payments_counts_as_a_test(tmp_path: Path) -> None:
    risk = assess_risk(_change(tmp_path, {"payments/tests/test_charge.py": "x\n"}), (), DEFAULTS)
    assert risk.tier == 0


def test_renaming_a_file_out_of_payments_still_touches_payments(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "app/util.py").write_text("x = 1\n")
    moved = ChangedFile(
        path="app/util.py", old_path="payments/util.py", kind=ChangeKind.RENAMED, added=()
    )
    change = Change(
        mode=DiffMode.BASE,
        description="",
        repo_root=tmp_path,
        content_root=tmp_path,
        files=(moved,),
    )
    assert _signals(assess_risk(change, (), DEFAULTS))["path:payments"] == 2


@pytest.mark.parametrize(
    "path",
    [
        ".github/workflows/ci.yml",
        ".gitlab-ci.yml",
        "action.yml",
        ".gate.yml",
        "policies/pci-dss/pack.yml",
        "waivers.yml",
        ".github/CODEOWNERS",
        ".pre-commit-config.yaml",
    ],
)
def test_editing_the_gate_itself_is_always_top_tier(tmp_path: Path, path: str) -> None:
    content = "steps:\n  - run: gate run --base origin/main\n"
    risk = assess_risk(_change(tmp_path, {path: content}), (), DEFAULTS)
    assert risk.tier == 3
    assert _signals(risk)["gate-files"] == 3
    assert risk.labels == ("gate:tier-3-critical",)
    assert risk.blocking


def test_gate_files_cannot_be_tuned_away_by_config(tmp_path: Path) -> None:
    config = parse_config("risk:\n  gate_files: ['ops/gate/**']\n", ".gate.yml")
    workflow = "on: push\njobs:\n  gate:\n    steps:\n      - uses: acme/gate@v1\n"
    change = _change(tmp_path, {".github/workflows/ci.yml": workflow, "ops/gate/x": "y\n"})
    risk = assess_risk(change, (), config)
    assert risk.tier == 3
    detail = next(s.detail for s in risk.signals if s.signal == "gate-files")
    assert ".github/workflows/ci.yml" in detail and "ops/gate/x" in detail


@pytest.mark.parametrize(
    "path",
    ["requirements.txt", "requirements-dev.txt", "web/package-lock.json", "go.mod", "pom.xml"],
)
def test_dependency_manifests_are_tier_2(tmp_path: Path, path: str) -> None:
    risk = assess_risk(_change(tmp_path, {path: "x\n"}), (), DEFAULTS)
    assert _signals(risk)["dependencies"] == 2
    assert risk.tier == 2


def test_large_change_in_code_paths_is_tier_2_but_not_in_docs(tmp_path: Path) -> None:
    big = "x = 1\n" * 401
    assert _signals(assess_risk(_change(tmp_path, {"app/big.py": big}), (), DEFAULTS))["size"] == 2
    exactly = "x = 1\n" * 400
    assert "size" not in _signals(
        assess_risk(_change(tmp_path, {"app/b.py": exactly}), (), DEFAULTS)
    )
    docs = assess_risk(_change(tmp_path, {"docs/big.md": big}), (), DEFAULTS)
    assert docs.tier == 0


def test_large_change_counts_whole_files_by_their_lines(tmp_path: Path) -> None:
    change = _change(tmp_path, {"app/big.py": "y = 2\n" * 500}, kind=ChangeKind.WHOLE)
    assert _signals(assess_risk(change, (), DEFAULTS))["size"] == 2


@pytest.mark.parametrize(
    ("severity", "tier"),
    [(Severity.CRITICAL, 3), (Severity.HIGH, 2), (Severity.MEDIUM, 1)],
)
def test_finding_severity_maps_to_tier(tmp_path: Path, severity: Severity, tier: int) -> None:
    finding = _finding(severity, controls=("pci-dss-4.0:3.5.1",))
    risk = assess_risk(_change(tmp_path, {"docs/a.md": "x\n"}), (finding,), DEFAULTS)
    assert risk.tier == tier
    detail = next(s.detail for s in risk.signals if s.signal == f"severity:{severity.value}")
    assert "rule-x (app/x.py:1)" in detail and "pci-dss-4.0:3.5.1" in detail


def test_suppressed_finding_does_not_lower_tier_but_outside_diff_is_ignored(tmp_path: Path) -> None:
    change = _change(tmp_path, {"docs/a.md": "x\n"})
    suppressed = _finding(Severity.CRITICAL, status=Status.SUPPRESSED)
    assert assess_risk(change, (suppressed,), DEFAULTS).tier == 3
    outside = _finding(Severity.CRITICAL, status=Status.OUTSIDE_DIFF, data_classes=("PAN",))
    assert assess_risk(change, (outside,), DEFAULTS).tier == 0


def test_waived_finding_is_top_tier(tmp_path: Path) -> None:
    waived = _finding(Severity.MEDIUM, status=Status.WAIVED)
    risk = assess_risk(_change(tmp_path, {"docs/a.md": "x\n"}), (waived,), DEFAULTS)
    assert _signals(risk)["waiver"] == 3


@pytest.mark.parametrize(("data_class", "tier"), [("PAN", 3), ("SAD", 3), ("CRED", 2), ("PII", 2)])
def test_data_classes_from_findings(tmp_path: Path, data_class: str, tier: int) -> None:
    finding = _finding(Severity.MEDIUM, data_classes=(data_class,))
    risk = assess_risk(_change(tmp_path, {"docs/a.md": "x\n"}), (finding,), DEFAULTS)
    assert _signals(risk)[f"data:{data_class}"] == tier
    assert risk.tier == tier


def test_identifiers_on_added_lines_are_classified(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_classify(monkeypatch, {"user_email": "PII", "api_token": "CRED"})
    change = _change(tmp_path, {"app/views.py": "a = 1\nsend(user_email, api_token)\n"})
    risk = assess_risk(change, (), DEFAULTS)
    assert _signals(risk)["data:PII"] == 2
    assert _signals(risk)["data:CRED"] == 2
    detail = next(s.detail for s in risk.signals if s.signal == "data:PII")
    assert "'user_email' at app/views.py:2" in detail
    assert "data:identifiers-not-classified" not in _signals(risk)


def test_identifiers_on_unchanged_lines_and_in_docs_are_not_classified(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_classify(monkeypatch, {"card_number": "PAN"})
    (tmp_path / "app").mkdir()
    (tmp_path / "app/v.py").write_text("card_number = 1\nx = 2\n")
    (tmp_path / "README.md").write_text("card_number\n")
    change = Change(
        mode=DiffMode.BASE,
        description="",
        repo_root=tmp_path,
        content_root=tmp_path,
        files=(
            ChangedFile(path="app/v.py", kind=ChangeKind.MODIFIED, added=((2, 2),)),
            ChangedFile(path="README.md", kind=ChangeKind.MODIFIED, added=((1, 1),)),
        ),
    )
    assert "data:PAN" not in _signals(assess_risk(change, (), DEFAULTS))


def test_payment_path_with_pan_is_tier_3_with_reasons(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_classify(monkeypatch, {"card_number": "PAN"})
    change = _change(tmp_path, {"src/payments/charge.py": "def charge(card_number):\n    pass\n"})
    finding = _finding(
        Severity.CRITICAL,
        rule="pci-pan-logged",
        path="src/payments/charge.py",
        data_classes=("PAN",),
        controls=("pci-dss-4.0:3.5.1",),
    )
    risk = assess_risk(change, (finding,), DEFAULTS)
    assert risk.tier == 3
    assert risk.name == "critical"
    signals = _signals(risk)
    assert signals["path:payments"] == 2  # the name guess alone; the card data makes it 3
    assert signals["data:PAN"] == 3
    assert signals["severity:critical"] == 3
    pan = next(s.detail for s in risk.signals if s.signal == "data:PAN")
    assert "'card_number' at src/payments/charge.py:1 (pci-pan-logged)" in pan
    assert pan.count("'card_number' at src/payments/charge.py:1") == 1  # one mention per line
    assert risk.signals[0].tier == 3  # highest first
    assert "senior security reviewer" in risk.review_note
    assert "1 active finding(s)" in risk.review_note


def test_content_signal_for_crypto_and_auth_outside_sensitive_paths(tmp_path: Path) -> None:
    change = _change(tmp_path, {"app/util.py": "import hmac\n\n@login_required\ndef f(): ...\n"})
    signals = _signals(assess_risk(change, (), DEFAULTS))
    assert signals["content:crypto"] == 2
    assert signals["content:auth"] == 2


def test_hashlib_for_a_lookup_key_is_not_crypto_code(tmp_path: Path) -> None:
    code = "import hashlib\n\nkey = hashlib.sha256(order_id.encode()).hexdigest()\n"
    signals = _signals(assess_risk(_change(tmp_path, {"app/cache.py": code}), (), DEFAULTS))
    assert "content:crypto" not in signals


def test_config_drift_raises_to_top_tier_and_is_listed(tmp_path: Path) -> None:
    drift = ("pack 'soc2' removed from packs", "fail_on weakened from 'high' to 'critical'")
    risk = assess_risk(_change(tmp_path, {"docs/a.md": "x\n"}), (), DEFAULTS, config_drift=drift)
    assert risk.tier == 3
    detail = next(s.detail for s in risk.signals if s.signal == "gate-config-changed")
    assert "pack 'soc2' removed" in detail and "fail_on weakened" in detail


def test_team_can_retune_area_tier_names_and_routing(tmp_path: Path) -> None:
    config = parse_config(
        "risk:\n"
        "  names: [low, medium, high, severe]\n"
        "  areas:\n"
        "    migrations: {tier: 3}\n"
        "    reports: {paths: ['reports/']}\n"
        "routing:\n"
        "  tier-3:\n"
        "    reviewers: ['@acme/security', 'alice']\n"
        "    note: Page the on-call DBA.\n"
        "  tier-1: {labels: [needs-owner], blocking: true}\n",
        ".gate.yml",
    )
    migration = assess_risk(_change(tmp_path, {"db/migrations/1.sql": "x\n"}), (), config)
    assert migration.tier == 3
    assert migration.name == "severe"
    assert migration.labels == ("gate:tier-3-severe",)
    assert migration.reviewers == ("acme/security", "alice")
    assert migration.blocking
    assert "Required reviewers: acme/security, alice." in migration.review_note
    assert migration.review_note.endswith("Page the on-call DBA.")
    report = assess_risk(_change(tmp_path, {"reports/q.py": "x\n"}), (), config)
    assert _signals(report)["path:reports"] == 1
    assert report.labels == ("needs-owner",)
    assert report.blocking
    # the other default areas survive a partial override (as name guesses: tier 2 alone)
    other = assess_risk(_change(tmp_path, {"payments/a.py": "x\n"}), (), config)
    assert _signals(other)["path:payments"] == 2


def test_area_with_no_paths_is_switched_off(tmp_path: Path) -> None:
    config = parse_config("risk:\n  areas:\n    security_config: {paths: []}\n", ".gate.yml")
    assert assess_risk(_change(tmp_path, {"proj/settings.py": "x\n"}), (), config).tier == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "risk:\n  areas:\n    payments:\n      tier: 7\n",
            ".gate.yml:4: risk.areas.payments.tier:",
        ),
        (
            "risk:\n  areas:\n    payments:\n      pathz: [a]\n",
            "unknown key 'risk.areas.payments.pathz'",
        ),
        ("risk:\n  severity_tiers:\n    hihg: 2\n", "did you mean 'high'"),
        ("risk:\n  names: [a, b]\n", "risk.names: expected 4 names"),
        ("risk:\n  content:\n    x:\n      patterns: ['(']\n", "invalid regular expression"),
        ("risk:\n  large_change_lines: lots\n", "risk.large_change_lines: expected a number"),
        ("routing:\n  tier-2:\n    reviewers: ['not a team!']\n", "routing.tier-2.reviewers:"),
        ("routing:\n  tier-9: {}\n", "unknown key 'routing.tier-9'"),
    ],
)
def test_malformed_risk_config_is_one_line_error(text: str, expected: str) -> None:
    config = parse_config(text, ".gate.yml")
    with pytest.raises(ConfigError) as caught:
        assess_risk(_change_none(), (), config)
    message = str(caught.value)
    assert expected in message
    assert message.startswith(".gate.yml:")
    assert "\n" not in message


def test_validate_risk_names_the_line_of_a_nested_key() -> None:
    from gate.policy.yamlio import load_yaml

    data = load_yaml("version: 1\nrisk:\n  names: [a, b, c, d]\n  dependency_tier: 9\n", "x.yml")
    with pytest.raises(ConfigError, match=r"^x\.yml:4: risk\.dependency_tier: expected a tier"):
        validate_risk(data["risk"], "x.yml")


def test_routing_defaults_label_every_tier() -> None:
    routing = validate_routing(None, "defaults", validate_risk(None, "defaults"))
    assert [routing[f"tier-{t}"]["labels"] for t in range(4)] == [
        ("gate:tier-0-routine",),
        ("gate:tier-1-elevated",),
        ("gate:tier-2-sensitive",),
        ("gate:tier-3-critical",),
    ]


def _change_none() -> Change:
    return Change(
        mode=DiffMode.BASE, description="", repo_root=Path("."), content_root=Path("."), files=()
    )


def test_tier_from_a_real_git_diff(repo: GitRepo) -> None:
    repo.write("app/main.py", "print('hi')\n")
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    repo.write("app/payments/refund.py", "def refund():\n    return 1\n")
    repo.write("docs/refunds.md", "# Refunds\n")
    repo.commit("refunds")
    change = resolve_change(repo.path, base="main")
    risk = assess_risk(change, (), DEFAULTS)
    assert risk.tier == 2  # a name guess without data evidence
    assert "app/payments/refund.py" in risk.signals[0].detail
    configured = parse_config("risk:\n  areas:\n    payments: {tier: 3}\n", ".gate.yml")
    assert assess_risk(change, (), configured).tier == 3


def test_real_classifier_finds_pan_identifier_on_added_line(tmp_path: Path) -> None:
    if not hasattr(gate.policy.classify, "classify_name"):
        pytest.skip("gate.policy.classify.classify_name is not available yet")
    change = _change(
        tmp_path, {"app/orders.py": "def save(order):\n    db.put(order.card_number)\n"}
    )
    risk = assess_risk(change, (), DEFAULTS)
    assert _signals(risk)["data:PAN"] == 3
    assert risk.tier == 3


def test_workflow_that_does_not_run_gate_is_ordinary_ci_not_the_gates_own_files(
    tmp_path: Path,
) -> None:
    workflow = "on: push\njobs:\n  test:\n    steps:\n      - run: pytest -q\n"
    risk = assess_risk(_change(tmp_path, {".github/workflows/ci.yml": workflow}), (), DEFAULTS)
    assert "gate-files" not in _signals(risk)
    assert "path:code" not in _signals(risk)
    assert _signals(risk)["ci"] == 1 and risk.tier == 1


def test_build_manifest_is_a_dependency_change_not_application_code(tmp_path: Path) -> None:
    risk = assess_risk(
        _change(tmp_path, {"setup.py": "from setuptools import setup\n"}), (), DEFAULTS
    )
    assert _signals(risk)["dependencies"] == 2
    assert "path:code" not in _signals(risk)


def test_tests_only_change_is_tier_0_even_with_low_findings(tmp_path: Path) -> None:
    change = _change(tmp_path, {"tests/test_refund.py": "def test_refund():\n    assert 1\n"})
    low = _finding(Severity.LOW, path="tests/test_refund.py")
    assert assess_risk(change, (low,), DEFAULTS).tier == 0


def test_configured_critical_paths_are_authoritative_tier_3(tmp_path: Path) -> None:
    config = parse_config("critical_paths: ['ledger/**']\n", ".gate.yml")
    risk = assess_risk(_change(tmp_path, {"ledger/post.py": "x = 1\n"}), (), config)
    assert _signals(risk)["path:critical"] == 3 and risk.tier == 3
    assert "path:critical" not in _signals(
        assess_risk(_change(tmp_path, {"ledger/post.py": "x = 1\n"}), (), DEFAULTS)
    )


def test_generated_json_log_is_not_application_code(tmp_path: Path) -> None:
    change = _change(tmp_path, {"sdk-generation-log/2026-12-01.json": '{"ok": true}\n'})
    risk = assess_risk(change, (), DEFAULTS)
    assert "path:code" not in _signals(risk) and risk.tier == 0


def test_codeowners_area_corroborates_a_name_guess(tmp_path: Path) -> None:
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github/CODEOWNERS").write_text("* @acme/all\n/src/payments/ @acme/payments\n")
    owned = _change(tmp_path, {"src/payments/charge.py": "x = 1\n"})
    assert _signals(assess_risk(owned, (), DEFAULTS))["path:payments"] == 3
    other = _change(tmp_path, {"lib/payment_utils.py": "x = 1\n"})
    assert _signals(assess_risk(other, (), DEFAULTS))["path:payments"] == 2


def test_every_data_signal_carries_identifier_and_line_evidence(tmp_path: Path) -> None:
    text = "def charge(order, card_number, cvv):\n    log.info(card_number)\n    return 1\n"
    change = _change(tmp_path, {"shop/charge.py": text})
    logged = Finding(
        rule_id="pci-pan-logged",
        sources=("test",),
        severity=Severity.HIGH,
        path="shop/charge.py",
        start_line=2,
        end_line=2,
        message="m",
        data_classes=("PAN",),
    )
    bare = Finding(
        rule_id="pii-export",
        sources=("test",),
        severity=Severity.MEDIUM,
        path="shop/charge.py",
        start_line=3,
        end_line=3,
        message="m",
        data_classes=("PII",),
    )
    risk = assess_risk(change, (logged, bare), DEFAULTS)
    data = {s.signal: s for s in risk.signals if s.signal.startswith("data:")}
    assert set(data) == {"data:PAN", "data:SAD", "data:PII"}
    for signal in data.values():
        assert signal.evidence, signal
        for item in signal.evidence:
            assert item.path == "shop/charge.py" and item.line >= 1
            assert f"shop/charge.py:{item.line}" in signal.detail
    pan = {(e.identifier, e.line, e.how) for e in data["data:PAN"].evidence}
    assert pan == {
        ("card_number", 1, "identifier"),
        ("card_number", 2, "identifier"),
        ("card_number", 2, "pci-pan-logged"),
    }
    assert [(e.identifier, e.line) for e in data["data:SAD"].evidence] == [("cvv", 1)]
    # a rule that names a class on a line with no carrier: the rule and its line
    assert [(e.identifier, e.line, e.how) for e in data["data:PII"].evidence] == [
        ("", 3, "pii-export")
    ]
    assert "pii-export at shop/charge.py:3" in data["data:PII"].detail


@pytest.mark.parametrize(
    "path",
    [
        "build.gradle.kts",
        "app/build.gradle",
        "settings.gradle.kts",
        "gradle/libs.versions.toml",
        "web/package.json",
        "pyproject.toml",
        "services/ledger/go.mod",
        "src/payments/pom.xml",
        "Cargo.toml",
        "api/Api.csproj",
    ],
)
def test_build_manifests_are_dependency_changes_not_code_or_areas(
    tmp_path: Path, path: str
) -> None:
    risk = assess_risk(_change(tmp_path, {path: "dependencies {}\n"}), (), DEFAULTS)
    signals = _signals(risk)
    assert signals["dependencies"] == 2 and path in risk.signals[0].detail
    assert not {s for s in signals if s.startswith("path:")}  # not code, not a payments guess


@pytest.mark.parametrize(
    ("workflow", "runs_gate"),
    [
        ("      - uses: your-org/prereview-gate@1a2b3c4d # v0.1.0\n", True),
        ("      - uses: acme/gate@v1\n", True),
        ("      - uses: ./.github/workflows/gate.yml\n", True),
        ("      - run: pip install prereview-gate && gate run --base origin/main\n", True),
        ("      - run: |\n          gate ci\n", True),
        ("      - run: pytest -q\n", False),
        ("      - uses: acme/gate-keeper-action@v2\n", False),
        ("      - uses: actions/delegate@v1\n", False),
        ("      - run: echo 'the gate opens'\n", False),
    ],
)
def test_workflow_edit_counts_as_the_gates_own_files_only_when_it_runs_gate(
    repo: GitRepo, workflow: str, runs_gate: bool
) -> None:
    head = "on: pull_request\njobs:\n  check:\n    steps:\n" + workflow
    repo.write(".github/workflows/check.yml", "on: push\n")
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    repo.write(".github/workflows/check.yml", head)
    repo.commit("ci")
    risk = assess_risk(resolve_change(repo.path, base="main"), (), DEFAULTS)
    assert ("gate-files" in _signals(risk)) is runs_gate
    assert risk.tier == (3 if runs_gate else 1)
    if not runs_gate:
        assert _signals(risk) == {"ci": 1}


def test_repository_configuration_outranks_name_guesses(repo: GitRepo) -> None:
    """critical_paths and risk.areas from .gate.yml, then CODEOWNERS, then name guesses."""
    repo.write("ledger/post.py", "x = 1\n")
    repo.write("lib/payment_utils.py", "x = 1\n")
    repo.write("src/payments/charge.py", "x = 1\n")
    repo.write(".github/CODEOWNERS", "* @acme/all\n/src/payments/ @acme/payments\n")
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    for path in ("ledger/post.py", "lib/payment_utils.py"):
        repo.write(path, "x = 2\n")
    repo.commit("edit")
    change = resolve_change(repo.path, base="main")
    guessed = {s.signal: s for s in assess_risk(change, (), DEFAULTS).signals}
    assert guessed["path:payments"].tier == 2  # lib/payment_utils.py: a name guess only
    assert "(a name guess" in guessed["path:payments"].detail
    assert "path:critical" not in guessed and "ledger/post.py" in guessed["path:code"].detail
    configured = parse_config(
        "critical_paths: ['ledger/**']\n"
        "risk:\n  areas:\n    payments: {tier: 3, paths: ['lib/payment_*']}\n",
        ".gate.yml",
    )
    signals = {s.signal: s for s in assess_risk(change, (), configured).signals}
    assert (
        signals["path:critical"].tier == 3 and "ledger/post.py" in signals["path:critical"].detail
    )
    assert signals["path:payments"].tier == 3
    assert "lib/payment_utils.py" in signals["path:payments"].detail
    assert "name guess" not in signals["path:payments"].detail
    # CODEOWNERS: the same guess on a file the repository assigned to an owner counts fully
    repo.write("src/payments/charge.py", "x = 2\n")
    repo.commit("owned")
    owned = {
        s.signal: s
        for s in assess_risk(resolve_change(repo.path, base="main"), (), DEFAULTS).signals
    }
    assert owned["path:payments"].tier == 3
