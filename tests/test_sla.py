"""Review SLA against a real HTTP server on 127.0.0.1 (pytest-httpserver).

PR list pages are shaped like the contract's `pulls/get` example and paginated with a
Link header; escalation bodies are validated against GitHub's OpenAPI subset.
"""

from __future__ import annotations

import copy
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import requests
from openapi_schema_validator import OAS30Validator
from pytest_httpserver import HTTPServer
from referencing import Registry, Resource
from werkzeug import Request, Response

from gate.decision.sla import MARKER, run_sla, validate_sla
from gate.errors import ConfigError
from gate.forges.github_client import GitHubClient
from gate.forges.rest import RetryPolicy
from gate.policy.config import parse_config
from gate.policy.source import parse_policy
from tests.conftest import require_contract

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=timezone.utc)
REPO = "acme/shop"
SPEC_URI = "urn:github-rest-subset"

CONFIG = """\
version: 1
routing:
  tier-3:
    reviewers: [acme/security, bob]
sla:
  tier-2: 24h
  tier-3:
    after: 8h
    escalate: [comment, label, reviewers]
    comment: "Ping #security-reviews."
"""


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        require_contract("github-rest/api.github.com.gate-subset.json").read_text()
    )
    return data


def _body_errors(spec: dict[str, Any], path: str, body: Any) -> list[str]:
    """Validate a POST body against the operation's requestBody schema (OAS 3.0)."""
    operation = spec["paths"][path]["post"]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    registry: Registry[Any] = Registry().with_resource(SPEC_URI, Resource.opaque(spec))
    rewritten = json.loads(json.dumps(schema).replace('"#/', f'"{SPEC_URI}#/'))
    validator = OAS30Validator(rewritten, registry=registry)
    return [error.message for error in validator.iter_errors(body)]


def _pull(
    spec: dict[str, Any],
    number: int,
    *,
    age: timedelta,
    labels: tuple[str, ...] = (),
    draft: bool = False,
    author: str = "octocat",
) -> dict[str, Any]:
    pull: dict[str, Any] = copy.deepcopy(spec["components"]["examples"]["pull-request"]["value"])
    label_template = pull["labels"][0]
    pull.update(
        number=number,
        title=f"PR {number}",
        html_url=f"https://github.com/{REPO}/pull/{number}",
        created_at=(NOW - age).strftime("%Y-%m-%dT%H:%M:%SZ"),
        draft=draft,
        labels=[{**label_template, "name": name} for name in labels],
    )
    pull["user"] = {**pull["user"], "login": author}
    return pull


def _review(spec: dict[str, Any], login: str, state: str) -> dict[str, Any]:
    review: dict[str, Any] = copy.deepcopy(
        spec["components"]["examples"]["pull-request-review"]["value"]
    )
    review["user"] = {**review["user"], "login": login}
    review["state"] = state
    return review


class _Recorder:
    """Answers POSTs, keeps their bodies, and checks each against the OpenAPI subset."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.posts: list[tuple[str, Any]] = []
        self.violations: list[str] = []

    def handler(self, template: str, status: int = 201) -> Any:
        def handle(request: Request) -> Response:
            body = request.get_json()
            self.posts.append((request.path, body))
            for error in _body_errors(self.spec, template, body):
                self.violations.append(f"{request.path}: {error}")
            return Response(json.dumps({}), status=status, content_type="application/json")

        return handle


def _client(server: HTTPServer) -> GitHubClient:
    return GitHubClient(
        requests.Session(),
        server.url_for("/").rstrip("/"),
        "test-token",
        policy=RetryPolicy(attempts=1),
        sleep=lambda _seconds: None,
    )


def _serve_pulls(server: HTTPServer, pages: list[list[dict[str, Any]]]) -> None:
    for index, page in enumerate(pages):
        query = {"state": "open", "per_page": "100"} if index == 0 else {"page": str(index + 1)}
        headers = {}
        if index + 1 < len(pages):
            link = server.url_for(f"/repos/{REPO}/pulls") + f"?page={index + 2}"
            headers["Link"] = f'<{link}>; rel="next", <{link}>; rel="last"'
        server.expect_request(
            f"/repos/{REPO}/pulls", method="GET", query_string=query
        ).respond_with_json(page, headers=headers)


def _serve_empty(server: HTTPServer, kind: str, numbers: list[int]) -> None:
    for number in numbers:
        path = (
            f"/repos/{REPO}/pulls/{number}/reviews"
            if kind == "reviews"
            else f"/repos/{REPO}/issues/{number}/comments"
        )
        server.expect_request(path, method="GET").respond_with_json([])


def test_overdue_prs_across_pages_are_escalated_as_configured(
    httpserver: HTTPServer, spec: dict[str, Any]
) -> None:
    hour = timedelta(hours=1)
    page_one = [
        _pull(spec, 1, age=30 * hour, labels=("gate:tier-3-critical",)),
        _pull(spec, 4, age=900 * hour, labels=("bug",)),
        _pull(spec, 6, age=900 * hour, labels=("gate:tier-3-critical",), draft=True),
    ]
    page_two = [
        _pull(spec, 2, age=10 * hour, labels=("gate:tier-2-sensitive",)),
        _pull(spec, 3, age=72 * hour, labels=("gate:tier-2-sensitive",)),
        _pull(spec, 5, age=48 * hour, labels=("gate:tier-2-sensitive", "gate:review-overdue")),
        _pull(spec, 7, age=30 * hour, labels=("gate:tier-2-sensitive", "gate:tier-1-elevated")),
    ]
    _serve_pulls(httpserver, [page_one, page_two])
    reviews = f"/repos/{REPO}/pulls/%d/reviews"
    httpserver.expect_request(reviews % 3).respond_with_json([_review(spec, "alice", "APPROVED")])
    httpserver.expect_request(reviews % 7).respond_with_json(
        [_review(spec, "octocat", "COMMENTED")]  # the author's own review does not count
    )
    _serve_empty(httpserver, "reviews", [1, 5])
    _serve_empty(httpserver, "comments", [1, 7])
    recorder = _Recorder(spec)
    for number in (1, 7):
        httpserver.expect_request(
            f"/repos/{REPO}/issues/{number}/comments", method="POST"
        ).respond_with_handler(
            recorder.handler("/repos/{owner}/{repo}/issues/{issue_number}/comments")
        )
        httpserver.expect_request(
            f"/repos/{REPO}/issues/{number}/labels", method="POST"
        ).respond_with_handler(
            recorder.handler("/repos/{owner}/{repo}/issues/{issue_number}/labels", 200)
        )
    httpserver.expect_request(
        f"/repos/{REPO}/pulls/1/requested_reviewers", method="POST"
    ).respond_with_handler(
        recorder.handler("/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers")
    )

    report = run_sla(_client(httpserver), REPO, parse_config(CONFIG, ".gate.yml"), NOW)

    assert recorder.violations == []
    assert report.open_prs == 7
    assert report.with_tier == 6
    assert report.problems == ()
    by_number = {item.number: item for item in report.overdue}
    assert sorted(by_number) == [1, 5, 7]
    assert by_number[1].tier == 3 and by_number[1].waited == 30 * hour
    assert by_number[1].limit == 8 * hour
    assert by_number[1].actions == (
        "requested review from acme/security, bob",
        "commented",
        "labelled gate:review-overdue",
    )
    assert by_number[5].already_escalated and by_number[5].actions == ()
    assert by_number[7].tier == 2
    assert by_number[7].actions == ("commented", "labelled gate:review-overdue")

    posts = dict.fromkeys(path for path, _ in recorder.posts)
    assert list(posts) == [
        f"/repos/{REPO}/pulls/1/requested_reviewers",
        f"/repos/{REPO}/issues/1/comments",
        f"/repos/{REPO}/issues/1/labels",
        f"/repos/{REPO}/issues/7/comments",
        f"/repos/{REPO}/issues/7/labels",
    ]
    bodies = dict(recorder.posts)
    assert bodies[f"/repos/{REPO}/pulls/1/requested_reviewers"] == {
        "reviewers": ["bob"],
        "team_reviewers": ["security"],
    }
    comment = bodies[f"/repos/{REPO}/issues/1/comments"]["body"]
    assert comment.startswith(MARKER)
    assert "waited 30h" in comment and "limit for its tier is 8h" in comment
    assert "@acme/security" in comment and comment.endswith("Ping #security-reviews.")
    assert bodies[f"/repos/{REPO}/issues/7/labels"] == {"labels": ["gate:review-overdue"]}
    assert report.lines()[0] == f"{REPO}: 7 open PR(s), 6 with a gate tier, 3 overdue for review"
    httpserver.check_assertions()


def test_marker_comment_prevents_a_second_escalation(
    httpserver: HTTPServer, spec: dict[str, Any]
) -> None:
    config = parse_config("sla:\n  tier-2: {after: 1h, escalate: [comment]}\n", ".gate.yml")
    _serve_pulls(
        httpserver, [[_pull(spec, 9, age=timedelta(hours=5), labels=("gate:tier-2-sensitive",))]]
    )
    _serve_empty(httpserver, "reviews", [9])
    httpserver.expect_request(f"/repos/{REPO}/issues/9/comments", method="GET").respond_with_json(
        [{"id": 1, "body": f"{MARKER}\n**Review overdue.**"}]
    )
    report = run_sla(_client(httpserver), REPO, config, NOW)
    assert [(o.number, o.already_escalated) for o in report.overdue] == [(9, True)]
    assert all(request.method == "GET" for request, _ in httpserver.log)


def test_dry_run_posts_nothing(httpserver: HTTPServer, spec: dict[str, Any]) -> None:
    config = parse_config("sla:\n  tier-1: 1h\n", ".gate.yml")
    _serve_pulls(
        httpserver, [[_pull(spec, 3, age=timedelta(hours=2), labels=("gate:tier-1-elevated",))]]
    )
    _serve_empty(httpserver, "reviews", [3])
    _serve_empty(httpserver, "comments", [3])
    report = run_sla(_client(httpserver), REPO, config, NOW, dry_run=True)
    assert report.overdue[0].actions == (
        "would have commented",
        "would have labelled gate:review-overdue",
    )
    assert all(request.method == "GET" for request, _ in httpserver.log)


def test_forbidden_escalation_is_a_problem_not_a_crash(
    httpserver: HTTPServer, spec: dict[str, Any]
) -> None:
    config = parse_config("sla:\n  tier-2: {after: 1h, escalate: [label]}\n", ".gate.yml")
    _serve_pulls(
        httpserver, [[_pull(spec, 8, age=timedelta(hours=2), labels=("gate:tier-2-sensitive",))]]
    )
    _serve_empty(httpserver, "reviews", [8])
    httpserver.expect_request(f"/repos/{REPO}/issues/8/labels", method="POST").respond_with_json(
        {"message": "Resource not accessible by integration"}, status=403
    )
    report = run_sla(_client(httpserver), REPO, config, NOW)
    assert report.overdue[0].actions == ()
    assert len(report.problems) == 1
    assert report.problems[0].startswith("#8: labelled gate:review-overdue failed:")
    assert "403" in report.problems[0]


def test_clock_decides_when_a_pr_is_overdue(httpserver: HTTPServer, spec: dict[str, Any]) -> None:
    config = parse_config("sla:\n  tier-2: 24h\n", ".gate.yml")
    pull = _pull(spec, 2, age=timedelta(hours=23), labels=("gate:tier-2-sensitive",))
    _serve_pulls(httpserver, [[pull]])
    assert run_sla(_client(httpserver), REPO, config, NOW).overdue == ()


def test_default_sla_covers_tiers_2_and_3() -> None:
    rules = validate_sla(None, "defaults")
    assert rules["tier-0"] is None and rules["tier-1"] is None
    assert rules["tier-2"]["after"] == 48 * 3600
    assert rules["tier-3"]["after"] == 24 * 3600
    assert rules["tier-3"]["escalate"] == ("comment", "label")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sla:\n  tier-2: soon\n", ".gate.yml:2: sla.tier-2: expected a duration"),
        ("sla:\n  tier-2:\n    escalate: [label]\n", ".gate.yml:2: sla.tier-2: missing 'after'"),
        (
            "sla:\n  tier-2:\n    after: 2h\n    escalate: [page]\n",
            ".gate.yml:4: sla.tier-2.escalate: 'page' is not one of comment, label, reviewers",
        ),
        ("sla:\n  tier-5: 2h\n", ".gate.yml:2: unknown key 'sla.tier-5'"),
    ],
)
def test_malformed_sla_config_is_one_line_error(text: str, expected: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_policy(text, ".gate.yml")
    assert str(caught.value).startswith(expected)


def test_gate_sla_command_lists_overdue_prs_in_a_dry_run(
    httpserver: HTTPServer, spec: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from gate.commands.cli import cli

    (tmp_path / ".gate.yml").write_text("sla:\n  tier-2: 1h\n")
    old = _pull(spec, 5, age=timedelta(days=30), labels=("gate:tier-2-sensitive",))
    _serve_pulls(httpserver, [[old]])
    _serve_empty(httpserver, "reviews", [5])
    _serve_empty(httpserver, "comments", [5])
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GITHUB_API_URL", httpserver.url_for("/").rstrip("/"))
    monkeypatch.setenv("GITHUB_TOKEN", "test-token")
    result = CliRunner().invoke(cli, ["sla", "--repo", REPO, "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "1 overdue for review (dry run: nothing posted)" in result.output
    assert "#5 tier 2 (sensitive)" in result.output
    assert "test-token" not in result.output
    assert all(request.method == "GET" for request, _ in httpserver.log)
