"""The `{{class-token:NAME}}` source anchor: never drops a source, and the heavy rules use it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from gate.policy.class_token import class_token, expand_rule
from gate.policy.classify import class_regex, dictionary
from gate.policy.packs import load_catalog

POLICIES = Path(__file__).resolve().parents[1] / "policies"
# The source shape every anchored rule filters `$S` with (policies/*/rules/*.yml).
SHAPE = re.compile(r"""^[A-Za-z_$][\w$.\[\]'"\-]*(?:\((?:['"][\w\- ]*['"])?\))?$""")
CONTEXTS = (
    "log.info('x %s', {s})\n",
    "    requests.get(url, params={{'k': {s}}})\n",
    "return {s};",
    "fmt.Println({s}, other)",
    "x = [{s}]",
    "track(user.id,{s})",
)
HEAVY = (
    "soc2-cc6.6-cred-in-url",
    "soc2-cc6.7-sensitive-egress",
    "soc2-p6.1-pii-to-third-party",
    "pci-pan-logged",
    "pci-sad-logged",
    "pci-pan-in-url",
    "pci-pan-stored-cleartext",
    "pci-sad-stored",
    "pci-pan-unmasked-display",
    "pci-pan-to-messaging",
    "pci-pan-to-messaging-js",
    "pci-password-weak-hash",
    "pci-pan-unkeyed-hash",
)


def _samples(fragment: tuple[str, ...]) -> list[str]:
    words = list(fragment)
    return [
        "_".join(words),
        "".join(w.title() for w in words),
        "user." + "_".join(words).upper(),
        "order.customer" + "".join(w.title() for w in words),
        'data["' + "_".join(words) + '"]',
        "req.get('" + " ".join(words) + "')",
        "self.get_" + "_".join(words) + "()",
        "$" + "".join(words),
    ]


@pytest.mark.parametrize("name", sorted(dictionary()))
def test_every_source_the_class_regex_accepts_lies_inside_an_anchor_match(name: str) -> None:
    data_class = dictionary()[name]
    full = re.compile(class_regex(name))
    anchor = re.compile(class_token(name))
    checked = 0
    for fragment in data_class.fragments + data_class.weak:
        for sample in _samples(fragment):
            if not (SHAPE.match(sample) and full.match(sample)):
                continue
            for context in CONTEXTS:
                text = context.format(s=sample)
                start = text.index(sample)
                end = start + len(sample)
                spans = [m.span() for m in anchor.finditer(text)]
                assert any(a <= start and end <= b for a, b in spans), (name, text, spans)
                checked += 1
    assert checked > 50, f"{name}: only {checked} samples reached the anchor"


def test_a_parenthesized_source_lies_inside_an_anchor_match() -> None:
    """semgrep gives `password` in Go's `[]byte(password)` the range `(password)`: a match
    of the bare name alone would drop that source."""
    anchor = re.compile(class_token("CRED", "password"))
    for text, operand in (
        ("sum := sha1.Sum([]byte(password))\n", "(password)"),
        ("print((user.password))\n", "(user.password)"),
    ):
        start = text.index(operand)
        end = start + len(operand)
        spans = [m.span() for m in anchor.finditer(text)]
        assert any(a <= start and end <= b for a, b in spans), (text, spans)


def test_anchor_skips_names_of_no_class() -> None:
    anchor = re.compile(class_token("PAN"))
    assert not anchor.search("total = spinner.value + cardinality(items)\n")
    assert anchor.search("log.info(order.card_number)\n")


def test_expanded_rules_keep_no_token_placeholder() -> None:
    text = load_catalog(["pci-dss", "soc2"]).semgrep_config_text()
    assert "{{class-token:" not in text
    assert "{{class:" not in text
    expanded = expand_rule({"pattern-regex": "{{class-token:SAD}}", "regex": "{{class:SAD}}"})
    assert expanded["pattern-regex"] == class_token("SAD")
    assert expanded["regex"] == class_regex("SAD")


def _rules() -> dict[str, dict[str, object]]:
    found: dict[str, dict[str, object]] = {}
    for path in POLICIES.glob("*/rules/*.yml"):
        for rule in yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]:
            found[rule["id"]] = rule
    return found


@pytest.mark.parametrize("rule_id", HEAVY)
def test_heavy_taint_sources_are_anchored_on_their_class(rule_id: str) -> None:
    """Without the anchor a `$S` source is matched and filtered on every expression: the
    first five rules were half of all engine time (bench/README.md, issue 19), and semgrep
    shares that match across every rule that still had one."""
    rule = _rules()[rule_id]
    sources = rule["pattern-sources"]
    assert isinstance(sources, list) and sources
    for source in sources:
        if "patterns" not in source:
            continue  # a literal pattern (a card-number string): no `$S`
        patterns = source["patterns"]
        if {"pattern": "$S"} not in patterns:
            continue  # a shape (`$CARD.$NUM` on a card-named object), not every expression
        anchors = [p["pattern-regex"] for p in patterns if "pattern-regex" in p]
        classes = [
            p["metavariable-regex"]["regex"]
            for p in patterns
            if "metavariable-regex" in p and "{{class:" in p["metavariable-regex"]["regex"]
        ]
        assert {"pattern": "$S"} in patterns, rule_id
        assert [a.replace("class-token:", "class:") for a in anchors] == classes, rule_id
