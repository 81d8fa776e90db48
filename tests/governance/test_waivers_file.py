"""The waivers file format: one-line `file:line: key` errors, no blanket waivers."""

from __future__ import annotations

import pytest

from gate.errors import ConfigError
from gate.policy.waivers import parse_waivers
from tests.governance.conftest import waiver_yaml


def _error(text: str) -> str:
    with pytest.raises(ConfigError) as caught:
        parse_waivers(text, ".gate/waivers.yml")
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_valid_file_parses_every_field() -> None:
    (waiver,) = parse_waivers(waiver_yaml(), ".gate/waivers.yml").waivers
    assert (waiver.id, waiver.rule, waiver.paths, waiver.approved_by) == (
        "W-1",
        "secret-aws-secret-key",
        ("app.py",),
        ("bob",),
    )
    assert waiver.expiry_date() is not None and waiver.line == 3


def test_unknown_key_names_line_and_suggests() -> None:
    text = waiver_yaml().replace("    expires:", "    expiers:")
    assert _error(text) == (
        ".gate/waivers.yml:10: unknown key 'waivers[0].expiers' (did you mean 'expires'?)"
    )


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"rule": "*"}, "waivers[0].rule: '*' is a wildcard"),
        ({"rule": "pci-*"}, "is a wildcard"),
        ({"paths": ["**"]}, "waivers[0].paths: '**' matches the whole repository"),
        ({"paths": ["**/*.py"]}, "matches the whole repository"),
        ({"paths": None}, "waivers[0].paths: missing"),
        ({"rule": None}, "waivers[0].rule: missing: give a fingerprint"),
        ({"approved_by": None}, "waivers[0].approved_by: missing"),
        ({"reason": "ok"}, "waivers[0].reason: too short"),
        ({"ticket": None}, "waivers[0].ticket: missing"),
        ({"owner": None}, "waivers[0].owner: missing"),
        ({"expires": None}, "waivers[0].expires: missing"),
        ({"fingerprint": "not-hex"}, "waivers[0].fingerprint: expected the finding's hex"),
    ],
)
def test_invalid_entries_are_one_line_errors(fields: dict[str, object], expected: str) -> None:
    message = _error(waiver_yaml(**fields))
    assert message.startswith(".gate/waivers.yml:")
    assert expected in message


def test_duplicate_ids_are_refused() -> None:
    text = waiver_yaml() + waiver_yaml(rule="other-rule").split("waivers:\n")[1]
    assert "'W-1' is already used on line 3" in _error(text)


def test_malformed_date_loads_but_counts_as_expired() -> None:
    (waiver,) = parse_waivers(waiver_yaml(expires="soon"), "w.yml").waivers
    assert waiver.expiry_date() is None


def test_shard_registers_merge_to_what_each_waiver_did_anywhere() -> None:
    from gate.policy.waivers import merge_registers
    from gate.report import WaiverUse

    first = (WaiverUse(id="W-1", status="unused"), WaiverUse(id="W-2", status="stale"))
    second = (
        WaiverUse(id="W-1", status="applied", fingerprints=("ab",)),
        WaiverUse(id="W-2", status="unused"),
    )
    merged = {u.id: u for u in merge_registers((first, second))}
    assert (merged["W-1"].status, merged["W-1"].fingerprints) == ("applied", ("ab",))
    assert merged["W-2"].status == "stale"
