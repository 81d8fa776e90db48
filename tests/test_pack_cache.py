"""Built-in packs parsed once: the JSON cache gives the same Catalog, and never a stale one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gate.policy import packs
from gate.policy.packs import BUILTIN_PACKS, load_catalog, policies_root


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


@pytest.fixture
def own_policies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "policies"
    shutil.copytree(policies_root(), root)
    monkeypatch.setattr(packs, "policies_root", lambda: root)
    return root


def test_cached_catalog_equals_the_parsed_one(cache_home: Path) -> None:
    first = load_catalog(BUILTIN_PACKS)
    assert len(list((cache_home / "gate" / "packs").glob("*.json"))) == len(BUILTIN_PACKS)
    second = load_catalog(BUILTIN_PACKS)
    assert second == first
    assert second.semgrep_config_text() == first.semgrep_config_text()


def test_an_edited_rule_file_is_parsed_again(cache_home: Path, own_policies: Path) -> None:
    assert load_catalog(["security"]).rule("sec-cache-probe") is None
    (own_policies / "security" / "rules" / "probe.yml").write_text(
        "rules:\n"
        "  - id: sec-cache-probe\n"
        "    languages: [python]\n"
        "    pattern: probe(...)\n"
        "    message: m\n"
        "    severity: WARNING\n"
        "    metadata: {title: t, severity: low, confidence: low, cwe: [CWE-1],\n"
        "               remediation: r}\n"
    )
    assert load_catalog(["security"]).rule("sec-cache-probe") is not None


def test_an_edited_classification_dictionary_is_parsed_again(
    cache_home: Path, own_policies: Path
) -> None:
    before = load_catalog(["pci-dss"]).semgrep_config_text()
    dictionary = own_policies / "classification.yml"
    dictionary.write_text(dictionary.read_text() + "\n# edited\n")
    assert load_catalog(["pci-dss"]).semgrep_config_text() == before  # same rules, re-parsed
    assert len(list((cache_home / "gate" / "packs").glob("pci-dss-*.json"))) == 2


def test_a_corrupt_cache_entry_is_a_miss(cache_home: Path) -> None:
    expected = load_catalog(["secrets"])
    for entry in (cache_home / "gate" / "packs").glob("*.json"):
        entry.write_text("{not json")
    assert load_catalog(["secrets"]) == expected


def test_pack_directories_outside_the_installation_are_never_cached(
    cache_home: Path, tmp_path: Path
) -> None:
    local = tmp_path / "local-pack"
    shutil.copytree(policies_root() / "secrets", local)
    load_catalog([str(local)])
    assert not (cache_home / "gate" / "packs").exists()


def test_gate_own_yaml_files_are_parsed_once_then_read_as_json(
    cache_home: Path, own_policies: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gate.policy import classify
    from gate.policy.file_cache import cached_yaml

    calls: list[bytes] = []

    def parse(data: bytes) -> object:
        calls.append(data)
        return {"a": [1, "x"], "b": {"c": None}}

    source = own_policies / "crosswalk.yml"
    first = cached_yaml(source, parse)
    assert cached_yaml(source, parse) == first and len(calls) == 1
    source.write_bytes(source.read_bytes() + b"\n# edited\n")
    cached_yaml(source, parse)
    assert len(calls) == 2  # new bytes, parsed again

    monkeypatch.setattr(
        classify, "classification_path", lambda: own_policies / "classification.yml"
    )
    classify.dictionary.cache_clear()
    try:
        parsed = dict(classify.dictionary())
        classify.dictionary.cache_clear()
        assert dict(classify.dictionary()) == parsed  # from the JSON form
        assert list((cache_home / "gate" / "files").glob("classification-*.json"))
    finally:
        classify.dictionary.cache_clear()


def test_yaml_that_json_cannot_carry_is_never_saved(cache_home: Path, tmp_path: Path) -> None:
    import datetime

    from gate.policy.file_cache import cached_yaml

    source = tmp_path / "dated.yml"
    source.write_text("when: 2026-01-01\n")
    value = {"when": datetime.date(2026, 1, 1), 1: "int key"}
    assert cached_yaml(source, lambda _: value) == value
    assert not (cache_home / "gate" / "files").exists()
