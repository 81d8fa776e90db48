"""Authorization changes raise the tier, with a reason, in Python, JS/TS, Java and Go."""

from __future__ import annotations

import pytest

from gate.change.diff import resolve_change
from gate.decision.tier import assess_risk
from gate.policy.config import Config, parse_config
from gate.report import Risk
from tests.conftest import GitRepo

NO_IDENTIFIERS = parse_config("version: 1\nrisk:\n  classify_identifiers: false\n", ".gate.yml")


def _risk(
    repo: GitRepo, base: dict[str, str], head: dict[str, str], config: Config = NO_IDENTIFIERS
) -> Risk:
    repo.write("README.md", "x\n")
    for path, text in base.items():
        repo.write(path, text)
    repo.commit("base")
    for path, text in head.items():
        if text == "":
            (repo.path / path).unlink()
        else:
            repo.write(path, text)
    repo.commit("change")
    change = resolve_change(repo.path, base="HEAD~1")
    return assess_risk(change, (), config)


def _signals(risk: Risk) -> dict[str, tuple[int, str]]:
    return {s.signal: (s.tier, s.detail) for s in risk.signals if s.signal.startswith("authz")}


VIEW = "from app import admin_required\n\n@admin_required\ndef refund(request):\n    return 1\n"


def test_removed_python_decorator_is_top_tier_with_the_line(repo: GitRepo) -> None:
    head = VIEW.replace("@admin_required\n", "")
    risk = _risk(repo, {"svc/views.py": VIEW}, {"svc/views.py": head})
    tier, detail = _signals(risk)["authz:removed"]
    assert tier == 3 and risk.tier == 3
    assert "`@admin_required` removed from svc/views.py" in detail


def test_deleted_file_with_checks_counts_as_removed(repo: GitRepo) -> None:
    risk = _risk(repo, {"svc/views.py": VIEW}, {"svc/views.py": ""})
    assert "authz:removed" in _signals(risk)


def test_moved_check_is_neither_added_nor_removed(repo: GitRepo) -> None:
    moved = "from app import admin_required\n\n\ndef other():\n    pass\n\n@admin_required\ndef refund(request):\n    return 1\n"  # noqa: E501
    risk = _risk(repo, {"svc/views.py": VIEW}, {"svc/views.py": moved})
    assert _signals(risk) == {}


@pytest.mark.parametrize(
    ("path", "text", "shown"),
    [
        (
            "src/Account.java",
            "class A {\n  @PreAuthorize(\"hasRole('ADMIN')\")\n  void close() {}\n}\n",
            "@PreAuthorize",
        ),
        (
            "src/cards.controller.ts",
            "export class C {\n  @UseGuards(AdminGuard)\n  refund() {}\n}\n",
            "@UseGuards(AdminGuard)",
        ),
        (
            "api/routes.js",
            "router.post('/refund', requireRole('admin'), refund)\n",
            "requireRole('admin')",
        ),
        (
            "internal/api/handler.go",
            'func h() {\n\tok, _ := enforcer.Enforce(user, obj, "write")\n\t_ = ok\n}\n',
            "enforcer.Enforce",
        ),
    ],
)
def test_added_checks_in_each_language_raise_the_tier(
    repo: GitRepo, path: str, text: str, shown: str
) -> None:
    risk = _risk(repo, {}, {path: text})
    tier, detail = _signals(risk)["authz:checks"]
    assert tier == 2 and risk.tier >= 2
    assert shown in detail and path in detail


def test_role_definitions_are_top_tier(repo: GitRepo) -> None:
    base = {"app/roles.py": "ROLES = {'admin': ['refund'], 'clerk': []}\n"}
    head = {"app/roles.py": "ROLES = {'admin': ['refund'], 'clerk': ['refund']}\n"}
    signals = _signals(_risk(repo, base, head))
    assert signals["authz:definitions"][0] == 3


def test_policy_files_count_as_definitions(repo: GitRepo) -> None:
    signals = _signals(
        _risk(repo, {}, {"policy/authz.rego": "package authz\ndefault allow = true\n"})
    )
    assert "policy/authz.rego (policy file)" in signals["authz:definitions"][1]


def test_unrelated_code_gets_no_authz_signal(repo: GitRepo) -> None:
    risk = _risk(repo, {}, {"lib/maths.py": "def total(items):\n    return sum(items)\n"})
    assert _signals(risk) == {}
    assert risk.tier == 1


def test_authz_tiers_are_configurable(repo: GitRepo) -> None:
    config = parse_config(
        "version: 1\nrisk:\n  classify_identifiers: false\n  authz:\n    removed_tier: 2\n", "x"
    )
    head = VIEW.replace("@admin_required\n", "")
    risk = _risk(repo, {"svc/views.py": VIEW}, {"svc/views.py": head}, config)
    assert _signals(risk)["authz:removed"][0] == 2
