"""Property-based fuzzing (hypothesis, bounded examples) of what reads PR-controlled
input: the config loader, the diff parser and line mapping, and the escapers."""

from __future__ import annotations

import re

import yaml
from gate.reporters import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gate.change.content import universal_line_map
from gate.change.patch import _parse_patch
from gate.commands.workflow_log import neutralise_text
from gate.errors import ConfigError, GitError
from gate.policy.source import parse_policy
from tests.adversarial.test_workflow_commands import runner_commands

BOUNDED = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
KEYS = ["packs", "fail_on", "warn_on", "filter_mode", "exclude", "max_file_bytes"]
KEYS += ["scanners", "overrides", "on_coverage_gap", "github", "cache", "risk", "routing"]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(KEYS + ["semgrep", "timeout", "enabled"]), inner, max_size=4
        ),
    ),
    max_leaves=12,
)


def _one_line_or_config(text: str) -> None:
    try:
        parse_policy(text, ".gate.yml")
    except ConfigError as exc:
        message = str(exc)
        assert message.startswith(".gate.yml") and "\n" not in message, message


@BOUNDED
@given(st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=5))
def test_config_loader_gives_a_config_or_one_line_error(data: dict[str, object]) -> None:
    _one_line_or_config(yaml.safe_dump(data, allow_unicode=True))


@BOUNDED
@given(st.text(max_size=200))
def test_config_loader_on_arbitrary_text(text: str) -> None:
    _one_line_or_config(text)


_LINE = st.text(alphabet=st.sampled_from(list("ab \t\r\x00é")), max_size=6)


@BOUNDED
@given(st.lists(_LINE, min_size=1, max_size=12))
def test_line_map_matches_universal_newlines(git_lines: list[str]) -> None:
    data = "\n".join(git_lines).encode()
    starts = universal_line_map(data)
    if starts is None:
        assert not re.search(rb"\r(?!\n)", data)
        return
    offset = 0
    for number, line in enumerate(data.split(b"\n"), start=1):
        before = data[:offset]
        assert starts[number] == len(re.findall(rb"\r\n|\r|\n", before)) + 1
        offset += len(line) + 1


@BOUNDED
@given(st.text(max_size=400))
def test_patch_parser_fails_only_with_git_error(text: str) -> None:
    patch = ("diff --git a/x b/x\n--- a/x\n+++ b/x\n" + text).encode("utf-8", "surrogatepass")
    try:
        result = _parse_patch(patch)
    except GitError:
        return
    for added, hunks, deleted_after, _binary in result.values():
        assert all(1 <= start <= end or (start, end) == (0, 0) for start, end in added + hunks)
        assert all(point >= 0 for point in deleted_after)


@BOUNDED
@given(st.text(max_size=200))
def test_escapers_never_let_markup_or_commands_through(text: str) -> None:
    md = escape.md_text(text)
    assert "\n" not in md and "\r" not in md and "<" not in md
    assert not re.search(r"@[A-Za-z0-9]", md)
    prop = escape.workflow_property(text)
    assert not re.search(r"[\r\n:,]", prop) and not re.search(r"%(?!25|0D|0A|3A|2C)", prop)
    assert runner_commands(neutralise_text(text)) == []
    code = escape.md_code(text)
    fence = re.match(r"`+", code)
    assert code == "(empty)" or (fence and code.endswith(fence.group(0)) and "\n" not in code)
