"""Trace-aware attribution, end to end: real git repositories, the real semgrep and the
shipped pci-dss pack. A taint finding whose data-flow trace passes through an added line
counts as introduced by the change, though its sink (the reported line) is old."""

from __future__ import annotations

from pathlib import Path

import pytest

from gate.findings import Finding, Severity, Status
from gate.runner import RunOptions, run_gate
from gate.scanning.cache import FileResult, ResultCache, _decode_finding, _encode_finding
from tests.conftest import GitRepo

ONLY_SEMGREP = (
    "scanners:\n"
    "  bandit: {enabled: false}\n"
    "  heuristics: {enabled: false}\n"
    "  secrets: {enabled: false}\n"
)
HEAD = (
    "import logging\n\nlog = logging.getLogger(__name__)\n\n\n"
    'def save(order, payload):\n    record = {"id": order.id}\n'
)
CARD = '    record["card_number"] = payload["card_number"]\n'
# far enough from the sink that the added line's hunk (3 lines of context) misses it
MIDDLE = "".join(f"    order.step_{i} = {i}\n" for i in range(8))
TAIL = '    log.info("saved %s", record)\n    return record\n'


def _pan_logged(repo: GitRepo, base: str, head: str, mode: str = "added") -> Finding:
    repo.write(".gate.yml", ONLY_SEMGREP)
    repo.write("shop/orders.py", base)
    repo.commit("base")
    repo.write("shop/orders.py", head)
    repo.commit("change")
    report = run_gate(RunOptions(cwd=repo.path, base="HEAD~1", overrides={"filter_mode": mode}))
    found = [f for f in report.findings if f.rule_id == "pci-pan-logged"]
    assert len(found) == 1, [(f.rule_id, f.start_line) for f in report.findings]
    return found[0]


@pytest.mark.parametrize("mode", ["added", "diff_context"])
def test_card_field_added_to_a_record_an_old_line_logs_counts(repo: GitRepo, mode: str) -> None:
    finding = _pan_logged(repo, HEAD + MIDDLE + TAIL, HEAD + CARD + MIDDLE + TAIL, mode)
    sink = (HEAD + CARD + MIDDLE).count("\n") + 1
    assert finding.start_line == sink  # reported at the sink
    assert finding.status is Status.ACTIVE
    assert 8 in finding.trace_lines and sink in finding.trace_lines
    assert finding.status_reason == "introduced at line 8 by this change"
    assert "introduced at line 8 by this change" in finding.message


def test_unrelated_edit_in_the_same_file_keeps_the_old_flow_outside_the_diff(
    repo: GitRepo,
) -> None:
    base = HEAD + CARD + MIDDLE + TAIL
    head = base.replace("order.step_0 = 0", "order.step_0 = 100")
    finding = _pan_logged(repo, base, head)
    assert finding.trace_lines  # a taint finding with a trace
    assert finding.status is Status.OUTSIDE_DIFF
    assert "introduced" not in finding.message


def _traced_finding() -> Finding:
    return Finding(
        rule_id="pci-pan-logged",
        sources=("semgrep",),
        severity=Severity.CRITICAL,
        path="shop/orders.py",
        start_line=17,
        end_line=17,
        message="A card number flows into a log.",
        trace_lines=(8, 9, 17),
    )


def test_result_cache_keeps_the_trace_lines(tmp_path: Path) -> None:
    store = ResultCache(tmp_path, 10_000_000)
    result = FileResult(findings=(_traced_finding(),))
    store.put("t" * 64, result)
    assert store.get("t" * 64) == result
    assert store.get("t" * 64).findings[0].trace_lines == (8, 9, 17)  # type: ignore[union-attr]


def test_a_cached_finding_written_without_trace_lines_still_decodes() -> None:
    encoded = _encode_finding(_traced_finding())
    del encoded["trace_lines"]
    assert _decode_finding(encoded).trace_lines == ()
    with pytest.raises(ValueError, match="trace_lines"):
        _decode_finding({**encoded, "trace_lines": ["8"]})
