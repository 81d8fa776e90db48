"""Path globs with `**`, matched against repo-relative forward-slash paths."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable


def glob_regex(glob: str) -> str:
    """The regex body of one glob: `**/` any directories, `**` anything, `*` and `?` within
    one path segment, everything else literal (shared with CODEOWNERS patterns)."""
    parts: list[str] = []
    index = 0
    while index < len(glob):
        if glob.startswith("**/", index):
            parts.append("(?:.*/)?")
            index += 3
        elif glob.startswith("**", index):
            parts.append(".*")
            index += 2
        elif glob[index] == "*":
            parts.append("[^/]*")
            index += 1
        elif glob[index] == "?":
            parts.append("[^/]")
            index += 1
        else:
            parts.append(re.escape(glob[index]))
            index += 1
    return "".join(parts)


@functools.lru_cache(maxsize=1024)
def _compile(glob: str) -> re.Pattern[str]:
    directory = glob.endswith("/")
    glob = glob.rstrip("/")
    pattern = glob_regex(glob)
    if "/" not in glob:  # a bare name matches at any depth, like .gitignore
        pattern = "(?:.*/)?" + pattern
    return re.compile(pattern + ("(?:/.*)?\\Z" if directory else "\\Z"))


def matches(path: str, glob: str) -> bool:
    return _compile(glob[2:] if glob.startswith("./") else glob).match(path) is not None


def matches_any(path: str, globs: Iterable[str]) -> bool:
    return any(matches(path, g) for g in globs)
