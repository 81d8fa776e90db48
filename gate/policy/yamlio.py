"""YAML loading that remembers where each key was written, for one-line errors."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from gate.errors import ConfigError
from gate.policy.linedict import LineDict

__all__ = ["LineDict", "did_you_mean", "line_of", "load_yaml", "load_yaml_file"]


def load_yaml(text: str, source: str) -> Any:
    """Parse YAML text; syntax errors become `ConfigError('source:line: ...')`. The parser
    (gate.policy.yamlparse) is imported on first use: a run with no YAML to read (a hook
    without `.gate.yml`) never loads it."""
    from gate.policy.yamlparse import parse_yaml

    return parse_yaml(text, source)


def load_yaml_file(path: Path, display: str | None = None) -> Any:
    source = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{source}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{source}: not UTF-8 text") from None
    return load_yaml(text, source)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def line_of(node: Any, key: str | None = None) -> int:
    if isinstance(node, LineDict):
        return node.line_of(key) if key is not None else node.line
    return 0
