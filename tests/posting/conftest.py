"""Fixtures: fake GitHub/GitLab servers (contract-checked), clients that never really sleep."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

from gate.change.ci import CIContext
from gate.findings import Finding, Severity
from gate.forges.github_client import GitHubClient
from gate.forges.gitlab import GitLabClient
from gate.forges.rest import RetryPolicy
from gate.report import ChangeInfo, Report, Risk, Verdict
from tests.conftest import require_contract
from tests.posting.fake_servers import GITLAB_TOKEN, TOKEN, FakeGitHub, FakeGitLab

SPEC = "github-rest/api.github.com.gate-subset.json"
HEAD_SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821"
MERGE_SHA = "0123456789abcdef0123456789abcdef01234567"
FAST = RetryPolicy(attempts=4, backoff=1.0, max_wait=120.0, timeout=0.5)


class Sleeps(list[float]):
    """Records requested sleeps instead of sleeping."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


def _serve(server: FakeGitHub | FakeGitLab) -> Iterator[FakeGitHub | FakeGitLab]:
    server.start()
    try:
        yield server
    finally:
        server.stop()
    assert server.violations == [], "requests broke the contract"


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    server = FakeGitHub(require_contract(SPEC))
    yield from _serve(server)  # type: ignore[misc]


@pytest.fixture
def ghe() -> Iterator[FakeGitHub]:
    server = FakeGitHub(require_contract(SPEC), prefix="/api/v3")
    yield from _serve(server)  # type: ignore[misc]


@pytest.fixture
def gitlab() -> Iterator[FakeGitLab]:
    yield from _serve(FakeGitLab())  # type: ignore[misc]


@pytest.fixture
def session() -> Iterator[requests.Session]:
    with requests.Session() as s:
        s.trust_env = False  # no proxies from the environment for 127.0.0.1
        yield s


@pytest.fixture
def client(github: FakeGitHub, session: requests.Session, sleeps: Sleeps) -> GitHubClient:
    return GitHubClient(session, github.base_url, TOKEN, policy=FAST, sleep=sleeps)


@pytest.fixture
def gitlab_client(gitlab: FakeGitLab, session: requests.Session, sleeps: Sleeps) -> GitLabClient:
    return GitLabClient(session, gitlab.base_url, GITLAB_TOKEN, policy=FAST, sleep=sleeps)


def make_ctx(**overrides: object) -> CIContext:
    values: dict[str, object] = {
        "provider": "github",
        "api_url": "http://127.0.0.1",
        "repository": "Codertocat/Hello-World",
        "event": "pull_request",
        "pull_request": 2,
        "head_sha": HEAD_SHA,
        "base_ref": "master",
        "author": "Codertocat",
        "run_url": "https://github.com/Codertocat/Hello-World/actions/runs/1",
    }
    values.update(overrides)
    return CIContext(**values)  # type: ignore[arg-type]


def make_finding(index: int, severity: Severity = Severity.HIGH) -> Finding:
    return Finding(
        rule_id=f"gate.test.rule-{index % 7}",
        sources=("heuristics",),
        severity=severity,
        path=f"src/pay/module_{index % 13}.py",
        start_line=index + 1,
        end_line=index + 1,
        start_col=5,
        end_col=20,
        title="Card number logged",
        message=f"PAN written to a log (finding {index})",
        remediation="Mask the PAN before logging.",
        fingerprint=f"{index:032x}",
    )


def make_report(
    findings: int = 0,
    verdict: Verdict = Verdict.FAIL,
    severity: Severity = Severity.HIGH,
    risk: Risk | None = None,
) -> Report:
    return Report(
        gate_version="0.1.0",
        verdict=verdict,
        verdict_reason=f"{findings} findings at or above high" if findings else "no findings",
        change=ChangeInfo(mode="pr", description="PR #2", head_sha=HEAD_SHA),
        findings=tuple(make_finding(i, severity) for i in range(findings)),
        risk=risk or Risk(),
        repository="Codertocat/Hello-World",
        pull_request=2,
    )


def stub_body(report: Report) -> str:
    """Stand-in for reporters.markdown.render in tests that only care about posting."""
    return f"<!-- gate:report -->\n## gate: {report.verdict.value}\n{len(report.active)} findings\n"


@pytest.fixture
def render() -> object:
    """The real markdown reporter once it exists; a stub body until then."""
    try:
        from gate.reporters.markdown import render as real  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        return stub_body
    return real
