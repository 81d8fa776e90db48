"""A parsed YAML mapping that remembers the line of each key (gate.policy.yamlparse)."""

from __future__ import annotations

from typing import Any


class LineDict(dict[str, Any]):
    """A mapping that knows the 1-based line of each of its keys."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)
