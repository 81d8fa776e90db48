"""Finding identity: de-duplication across scanners and stable fingerprints."""

from __future__ import annotations

from dataclasses import replace

from gate.findings import Finding, Severity, assign_fingerprints, merge_duplicates

BASE = Finding(
    rule_id="pci-tls-verify-disabled",
    sources=("semgrep",),
    severity=Severity.HIGH,
    path="pay.py",
    start_line=17,
    end_line=21,
    message="TLS verification disabled",
    cwe=("CWE-295",),
    controls=("pci-dss-4.0:4.2.1",),
    snippet="requests.post(url, verify=False)",
)


def test_same_problem_from_two_scanners_is_one_finding_with_two_sources() -> None:
    bandit = replace(
        BASE,
        sources=("bandit",),
        source_rule_ids=("B501",),
        start_line=20,
        end_line=20,
        controls=("soc2:CC6.7",),
    )
    merged = merge_duplicates([BASE, bandit])
    assert len(merged) == 1
    assert merged[0].sources == ("semgrep", "bandit")
    assert merged[0].source_rule_ids == ("B501",)
    assert set(merged[0].controls) == {"pci-dss-4.0:4.2.1", "soc2:CC6.7"}


def test_unrelated_findings_on_the_same_line_stay_apart() -> None:
    other = replace(
        BASE, rule_id="eh-network-no-timeout", sources=("heuristics",), cwe=("CWE-400",)
    )
    assert len(merge_duplicates([BASE, other])) == 2


def test_one_scanner_two_hits_on_different_lines_stay_apart() -> None:
    second = replace(BASE, start_line=19, end_line=19)
    assert len(merge_duplicates([BASE, second])) == 2


def test_higher_severity_view_wins_when_merging() -> None:
    critical = replace(BASE, sources=("bandit",), severity=Severity.CRITICAL, rule_id="x")
    assert merge_duplicates([BASE, critical])[0].severity is Severity.CRITICAL


def test_fingerprint_ignores_line_and_indentation_but_not_code() -> None:
    moved = replace(
        BASE, start_line=40, end_line=44, snippet="    requests.post(url,  verify=False)"
    )
    changed = replace(BASE, snippet="requests.post(other, verify=False)")
    first, again, different = (assign_fingerprints([f])[0] for f in (BASE, moved, changed))
    assert first.fingerprint == again.fingerprint
    assert first.fingerprint != different.fingerprint


def test_identical_snippets_get_distinct_fingerprints_by_occurrence() -> None:
    twin = replace(BASE, start_line=30, end_line=30)
    prints = {f.fingerprint for f in assign_fingerprints([BASE, twin])}
    assert len(prints) == 2


def test_two_packs_flagging_one_weakness_on_one_line_merge() -> None:
    pci = replace(BASE, rule_id="pci-weak-crypto", pack="pci-dss", cwe=("CWE-327",))
    sec = replace(BASE, rule_id="sec-weak-hash", pack="security", cwe=("CWE-327", "CWE-328"))
    same_pack = replace(sec, rule_id="sec-weak-cipher", pack="pci-dss")
    assert len(merge_duplicates([pci, sec])) == 1
    assert len(merge_duplicates([pci, same_pack])) == 2
