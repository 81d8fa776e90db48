"""post_to_gitlab: one sticky MR note, PRIVATE-TOKEN, retries, 403 fallback."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from gate.change.ci import CIContext
from gate.errors import PostError
from gate.forges.gitlab import GitLabClient, post_to_gitlab
from gate.forges.sticky import MARKER
from gate.report import Report, Verdict
from tests.posting.conftest import Sleeps, make_ctx, make_report
from tests.posting.fake_servers import GITLAB_TOKEN, FakeGitLab, Fault

Render = Callable[[Report], str]
NOTES = r"/projects/group%2Fproject/merge_requests/7/notes"


def gl_ctx() -> CIContext:
    return make_ctx(provider="gitlab", repository="group/project", pull_request=7)


def test_note_created_then_updated_across_pages(
    gitlab: FakeGitLab, gitlab_client: GitLabClient, render: Render
) -> None:
    for i in range(130):
        gitlab.add_note(7, f"discussion {i}")
    first = post_to_gitlab(make_report(1), gl_ctx(), gitlab_client, render=render)
    assert first.done == ("note created",)
    second = post_to_gitlab(make_report(4), gl_ctx(), gitlab_client, render=render)
    assert second.done == ("note updated",)
    ours = [n for n in gitlab.notes.values() if n["body"].startswith(MARKER)]
    assert len(ours) == 1 and len(gitlab.notes) == 131
    assert gitlab.calls("PUT", NOTES + "/")


def test_created_note_answered_with_502_is_not_duplicated(
    gitlab: FakeGitLab, gitlab_client: GitLabClient, sleeps: Sleeps, render: Render
) -> None:
    gitlab.fail("POST", "/notes$", Fault.after(502))
    post_to_gitlab(make_report(1), gl_ctx(), gitlab_client, render=render)
    assert len(gitlab.notes) == 1 and sleeps == [1.0]


def test_403_falls_back(gitlab: FakeGitLab, gitlab_client: GitLabClient, render: Render) -> None:
    gitlab.fail("POST", "/notes$", Fault.forbidden())
    result = post_to_gitlab(make_report(1), gl_ctx(), gitlab_client, render=render)
    assert result.fallback and result.denied == ("note",)


def test_clean_report_deletes_note_when_configured(
    gitlab: FakeGitLab, gitlab_client: GitLabClient, render: Render
) -> None:
    settings = {"delete_comment_when_clean": True}
    post_to_gitlab(make_report(1), gl_ctx(), gitlab_client, settings, render=render)
    clean = make_report(0, verdict=Verdict.PASS)
    result = post_to_gitlab(clean, gl_ctx(), gitlab_client, settings, render=render)
    assert result.done == ("note deleted (clean)",) and gitlab.notes == {}


def test_persistent_500_raises_without_token(
    gitlab: FakeGitLab, gitlab_client: GitLabClient, render: Render
) -> None:
    gitlab.fail("GET", "/notes$", forever=Fault.error(500))
    with pytest.raises(PostError) as info:
        post_to_gitlab(make_report(1), gl_ctx(), gitlab_client, render=render)
    assert str(info.value).startswith("GitLab GET /api/v4/projects/group%2Fproject/")
    assert GITLAB_TOKEN not in str(info.value) and GITLAB_TOKEN not in repr(gitlab_client)
