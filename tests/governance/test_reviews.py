"""`gate.forges.reviews.approvals` against the contract-checked fake GitHub."""

from __future__ import annotations

import requests

from gate.forges.github_client import GitHubClient
from gate.forges.reviews import Approval, approvals
from tests.governance.conftest import ReviewingGitHub
from tests.posting.fake_servers import TOKEN

HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821"


def _approvals(forge: ReviewingGitHub) -> tuple[Approval, ...]:
    with requests.Session() as session:
        session.trust_env = False
        client = GitHubClient(session, forge.base_url, TOKEN)
        return approvals(client, "o/r", 7, HEAD)


def test_only_the_latest_decisive_review_on_the_head_counts(forge: ReviewingGitHub) -> None:
    forge.pr_reviews = [
        ("bob", "APPROVED", HEAD),
        ("bob", "COMMENTED", HEAD),  # a comment leaves the approval standing
        ("carol", "APPROVED", HEAD),
        ("carol", "DISMISSED", HEAD),  # dismissed: withdrawn
        ("dave", "APPROVED", "0" * 40),  # approved an earlier push
        ("erin", "CHANGES_REQUESTED", HEAD),
    ]
    found = _approvals(forge)
    assert [(a.login, a.commit_id) for a in found] == [("bob", HEAD)]
    assert found[0].submitted_at.startswith("2026-02-2")


def test_reviews_are_read_across_pages(forge: ReviewingGitHub) -> None:
    forge.pr_reviews = [("someone", "COMMENTED", HEAD)] * 120 + [("bob", "APPROVED", HEAD)]
    assert [a.login for a in _approvals(forge)] == ["bob"]
    pages = forge.calls("GET", "/repos/o/r/pulls/7/reviews")
    assert len(pages) == 2
