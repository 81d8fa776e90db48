"""The REST client: headers, retries, rate limits, pagination, and never printing the token."""

from __future__ import annotations

import logging
import time

import pytest
import requests

from gate.errors import PostError
from gate.forges.github_client import GitHubClient
from gate.forges.rest import ApiError, RetryPolicy
from tests.posting.conftest import FAST, Sleeps
from tests.posting.fake_servers import TOKEN, FakeGitHub, Fault

COMMENTS = "repos/o/r/issues/2/comments"


def test_sends_token_accept_and_api_version(github: FakeGitHub, client: GitHubClient) -> None:
    response = client.request("POST", COMMENTS, json={"body": "hi"})
    # The fake server records a violation for any missing header; the fixture asserts none.
    assert response.status == 201 and response.data["body"] == "hi"
    assert [c["body"] for c in github.comments_on(2)] == ["hi"]


def test_502_then_success_is_retried_with_backoff(
    github: FakeGitHub, client: GitHubClient, sleeps: Sleeps
) -> None:
    github.fail("GET", "/comments$", Fault.error(502), Fault.error(503))
    assert list(client.paginate(COMMENTS)) == []
    assert len(github.calls("GET", "/comments$")) == 3
    assert sleeps == [1.0, 2.0]


def test_persistent_500_gives_up_with_one_line_error_without_token(
    github: FakeGitHub, client: GitHubClient, sleeps: Sleeps
) -> None:
    github.fail("POST", "/comments$", forever=Fault.error(500, "Internal oops"))
    started = time.monotonic()
    with pytest.raises(PostError) as info:
        client.request("POST", COMMENTS, json={"body": "x"})
    assert time.monotonic() - started < 5
    message = str(info.value)
    assert message == (
        "GitHub POST /repos/o/r/issues/2/comments: 500 Internal oops (gave up after 4 tries)"
    )
    assert "\n" not in message and TOKEN not in message and TOKEN not in repr(info.value)
    assert len(github.calls("POST")) == 4
    assert sum(sleeps) <= FAST.max_wait


def test_secondary_rate_limit_honours_retry_after(
    github: FakeGitHub, client: GitHubClient, sleeps: Sleeps
) -> None:
    github.fail("POST", "/comments$", Fault.rate_limited(403, retry_after="7"))
    client.request("POST", COMMENTS, json={"body": "x"})
    assert sleeps == [7.0]
    assert len(github.comments) == 1


def test_429_without_headers_waits_a_minute(
    github: FakeGitHub, client: GitHubClient, sleeps: Sleeps
) -> None:
    github.fail("POST", "/comments$", Fault.rate_limited(429))
    client.request("POST", COMMENTS, json={"body": "x"})
    assert sleeps == [60.0]


def test_primary_rate_limit_waits_until_reset(
    github: FakeGitHub, session: requests.Session, sleeps: Sleeps
) -> None:
    client = GitHubClient(
        session, github.base_url, TOKEN, policy=FAST, sleep=sleeps, clock=lambda: 1000.0
    )
    github.fail(
        "GET",
        "/comments$",
        Fault.rate_limited(403, x_ratelimit_remaining="0", x_ratelimit_reset="1030"),
    )
    client.get(COMMENTS)
    assert sleeps == [31.0]


def test_rate_limit_wait_beyond_budget_gives_up_at_once(
    github: FakeGitHub, client: GitHubClient, sleeps: Sleeps
) -> None:
    github.fail("POST", "/comments$", Fault.rate_limited(403, retry_after="3600"))
    with pytest.raises(ApiError) as info:
        client.request("POST", COMMENTS, json={"body": "x"})
    assert sleeps == []
    assert info.value.status == 403
    assert "secondary rate limit" in str(info.value) and "wait 3600s" in str(info.value)


def test_plain_403_is_final_and_marked_forbidden(
    github: FakeGitHub, client: GitHubClient, sleeps: Sleeps
) -> None:
    github.fail("POST", "/comments$", Fault.forbidden())
    with pytest.raises(ApiError) as info:
        client.request("POST", COMMENTS, json={"body": "x"})
    assert info.value.forbidden and sleeps == []
    assert str(info.value) == (
        "GitHub POST /repos/o/r/issues/2/comments: 403 Resource not accessible by integration"
    )


def test_connection_reset_is_retried(
    github: FakeGitHub, client: GitHubClient, sleeps: Sleeps
) -> None:
    github.fail("GET", "/comments$", Fault.reset())
    assert client.get(COMMENTS) == []
    assert sleeps == [1.0]


def test_slow_answer_times_out_and_is_retried(
    github: FakeGitHub, session: requests.Session, sleeps: Sleeps
) -> None:
    client = GitHubClient(
        session, github.base_url, TOKEN, policy=RetryPolicy(timeout=0.2), sleep=sleeps
    )
    github.fail("GET", "/comments$", Fault.slow(0.6))
    assert client.get(COMMENTS) == []
    assert sleeps == [1.0]


def test_unreachable_host_gives_up_with_clear_error(sleeps: Sleeps) -> None:
    with socket_closed_port() as port, requests.Session() as session:
        client = GitHubClient(session, f"http://127.0.0.1:{port}", TOKEN, policy=FAST, sleep=sleeps)
        with pytest.raises(ApiError) as info:
            client.get("repos/o/r/pulls/1")
    assert info.value.status == 0
    assert str(info.value) == (
        "GitHub GET /repos/o/r/pulls/1: ConnectionError: connection failed (gave up after 4 tries)"
    )
    assert sleeps == [1.0, 2.0, 4.0]


def test_pagination_follows_link_header(github: FakeGitHub, client: GitHubClient) -> None:
    for i in range(250):
        github.add_comment(2, f"comment {i}")
    bodies = [c["body"] for c in client.paginate(COMMENTS)]
    assert bodies == [f"comment {i}" for i in range(250)]
    assert len(github.calls("GET", "/comments$")) == 3


def test_link_to_another_host_is_refused(client: GitHubClient) -> None:
    with pytest.raises(PostError, match="refusing to follow a link off"):
        client.request("GET", "https://evil.example/steal")


def test_enterprise_base_url_prefixes_every_path(
    ghe: FakeGitHub, session: requests.Session, sleeps: Sleeps
) -> None:
    client = GitHubClient(session, ghe.base_url + "/", TOKEN, policy=FAST, sleep=sleeps)
    assert ghe.base_url.endswith("/api/v3")
    for i in range(120):
        ghe.add_comment(2, f"c{i}")
    assert len(list(client.paginate(COMMENTS))) == 120  # the next link keeps /api/v3


def test_token_never_printed_in_errors_reprs_or_logs(
    github: FakeGitHub,
    client: GitHubClient,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    github.fail("POST", "/comments$", Fault.error(422, f"Bad credentials {TOKEN}"))
    github.fail("GET", "/comments$", forever=Fault.error(500))
    github.fail("PATCH", "/comments/", Fault.reset(), Fault.reset(), Fault.reset(), Fault.reset())
    messages = [repr(client), str(client)]
    for call in (
        lambda: client.request("POST", COMMENTS, json={"body": "x"}),
        lambda: client.get(COMMENTS),
        lambda: client.request("PATCH", "repos/o/r/issues/comments/1", json={"body": "x"}),
        lambda: client.get("https://evil.example/x"),
    ):
        with pytest.raises(PostError) as info:
            call()
        messages += [str(info.value), repr(info.value), repr(info.value.args)]
    captured = capsys.readouterr()
    messages += [caplog.text, captured.out, captured.err]
    assert "***" in messages[2]  # the echoed token was scrubbed
    for message in messages:
        assert TOKEN not in message


def test_invalid_base_url_is_a_post_error(session: requests.Session) -> None:
    with pytest.raises(PostError, match="must be http"):
        GitHubClient(session, "api.github.com", TOKEN)


class socket_closed_port:
    """A port on 127.0.0.1 that nobody listens on."""

    def __enter__(self) -> int:
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return int(s.getsockname()[1])

    def __exit__(self, *exc: object) -> None:
        return None


def test_contract_server_catches_a_body_the_spec_forbids(
    github: FakeGitHub, client: GitHubClient
) -> None:
    """The harness itself: a completed check run without a conclusion breaks the oneOf."""
    with pytest.raises(ApiError) as info:
        client.request(
            "POST",
            "repos/o/r/check-runs",
            json={"name": "gate", "head_sha": "a", "status": "completed"},
        )
    assert info.value.status == 422
    assert github.violations and "checks/create" in github.violations[0]
    github.violations.clear()


def test_token_with_line_break_is_rejected_without_printing_it(session: requests.Session) -> None:
    with pytest.raises(PostError) as info:
        GitHubClient(session, "https://api.github.com", "ghp_abc\ninjected: 1")
    assert "ghp_abc" not in str(info.value) and "injected" not in str(info.value)
    assert GitHubClient(session, "https://api.github.com", TOKEN + "\n")._token.reveal() == TOKEN
