"""Line numbers of a semgrep taint finding's data-flow trace (`extra.dataflow_trace`).

The trace has `taint_source`, `intermediate_vars` and `taint_sink`; a source or sink is
`["CliLoc", [location, content]]` or, through a function call, `["CliCall", [...]]`
nesting more of the same. Every location has `path`, `start.line` and `end.line`. The
policy (gate.policy.filters) counts a finding whose trace touches an added line as
introduced by the change, though its sink is an old line.
"""

from __future__ import annotations

from typing import Any


def trace_lines(trace: Any, path: str) -> tuple[int, ...]:
    """Sorted distinct lines of every trace location in `path` (the finding's file)."""
    lines: set[int] = set()
    _collect(trace, path, lines)
    return tuple(sorted(lines))


def _collect(node: Any, path: str, lines: set[int]) -> None:
    if isinstance(node, list):
        for item in node:
            _collect(item, path, lines)
        return
    if not isinstance(node, dict):
        return
    start, end = node.get("start"), node.get("end")
    if isinstance(start, dict) and isinstance(start.get("line"), int):
        if str(node.get("path", path)) == path:
            first = start["line"]
            last = end.get("line", first) if isinstance(end, dict) else first
            if isinstance(last, int) and first >= 1:
                lines.update(range(first, max(first, last) + 1))
        return
    for value in node.values():
        _collect(value, path, lines)
