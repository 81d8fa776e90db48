"""CODEOWNERS (GitHub and GitLab syntax) -> who owns a path, read from the base commit.

GitHub: one list of `pattern owner...` lines; for a path, the LAST matching line wins
(a line without owners means "nobody owns it"). `docs/*` matches files directly in docs/
only; `apps/` a directory anywhere; `/build/` the root's; a pattern with a slash inside is
anchored at the root; `**` crosses directories.

GitLab adds sections: `[Section]`, `[Section][2]` (two approvals from the section's owners),
`^[Optional]` (approval optional), and `[Section] @default-owner` (owners for the section's
lines that name none). Each section is evaluated on its own (last match wins inside it),
so one path can have owners in several sections.

Like `.gate.yml`, CI reads CODEOWNERS from the base commit: a PR cannot change who must
approve it. Locations, first found: CODEOWNERS, .github/CODEOWNERS, .gitlab/CODEOWNERS,
docs/CODEOWNERS.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from gate.change.git import git
from gate.errors import ConfigError
from gate.globs import glob_regex

__all__ = ["LOCATIONS", "Area", "Codeowners", "load_codeowners", "parse_codeowners"]

LOCATIONS = ("CODEOWNERS", ".github/CODEOWNERS", ".gitlab/CODEOWNERS", "docs/CODEOWNERS")
_SECTION = re.compile(r"^(\^)?\[([^\]]+)\](?:\[(\d+)\])?\s*(.*)$")
_OWNER = re.compile(
    r"^(?:@[A-Za-z0-9][A-Za-z0-9_.-]*(?:/[A-Za-z0-9][A-Za-z0-9_./-]*)?"  # @user, @org/team
    r"|@@[A-Za-z]+"  # GitLab roles: @@developer, @@maintainer, @@owner
    r"|[^@\s]+@[^@\s]+)$"  # an email
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    pattern: str
    owners: tuple[str, ...]
    section: str
    line: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    name: str  # "" for GitHub's single list (and GitLab lines before any section)
    optional: bool = False
    approvals: int = 1
    default_owners: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Area:
    """The owners one section gives a path: the line that matched, and its approvals."""

    section: str
    owners: tuple[str, ...]  # "alice", "acme/security" (@ dropped), or an email
    pattern: str
    line: int
    optional: bool = False
    approvals: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class Codeowners:
    source: str
    rules: tuple[Rule, ...] = ()
    sections: tuple[Section, ...] = (Section(name=""),)

    def areas(self, path: str) -> tuple[Area, ...]:
        """One `Area` per section with a matching line (the last one); ownerless lines
        (an explicit "nobody") give no area."""
        found: list[Area] = []
        for section in self.sections:
            last = None
            for rule in self.rules:
                if rule.section == section.name and _matches(rule.pattern, path):
                    last = rule
            if last is None:
                continue
            owners = last.owners or section.default_owners
            if owners:
                found.append(
                    Area(
                        section=section.name,
                        owners=owners,
                        pattern=last.pattern,
                        line=last.line,
                        optional=section.optional,
                        approvals=section.approvals,
                    )
                )
        return tuple(found)


def parse_codeowners(text: str, source: str) -> Codeowners:
    """Both syntaxes; a bad owner or section is a one-line `ConfigError` naming the line."""
    rules: list[Rule] = []
    sections: dict[str, Section] = {"": Section(name="")}
    current = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _strip_comment(raw).strip()
        if not line:
            continue
        section = _SECTION.match(line)
        if section is not None:
            optional, name, count, rest = section.groups()
            name = name.strip()
            defaults = tuple(_owner(o, source, number) for o in rest.split())
            key = name.lower()  # GitLab merges sections by case-insensitive name
            previous = sections.get(key)
            sections[key] = Section(
                name=previous.name if previous else name,
                optional=bool(optional),
                approvals=int(count) if count else (previous.approvals if previous else 1),
                default_owners=defaults or (previous.default_owners if previous else ()),
            )
            if int(count or 1) < 1:
                raise ConfigError(f"{source}:{number}: section [{name}] needs at least 1 approval")
            current = key
            continue
        pattern, *owners = _split(line)
        rules.append(
            Rule(
                pattern=pattern,
                owners=tuple(_owner(o, source, number) for o in owners),
                section=current,
                line=number,
            )
        )
    named = dict(sections)
    resolved = tuple(
        Rule(pattern=r.pattern, owners=r.owners, section=named[r.section].name, line=r.line)
        for r in rules
    )
    return Codeowners(source=source, rules=resolved, sections=tuple(named.values()))


def load_codeowners(root: Path, sha: str | None) -> Codeowners | None:
    """The CODEOWNERS of commit `sha` (CI: the base), or of the working tree when `sha` is
    None; None when there is none."""
    for location in LOCATIONS:
        if sha:
            shown = git(root, "show", f"{sha}:{location}", check=False)
            if shown.returncode != 0:
                continue
            text = shown.stdout.decode("utf-8", "replace")
            return parse_codeowners(text, f"base:{sha[:12]}:{location}")
        path = root / location
        if path.is_file() and not path.is_symlink():
            return parse_codeowners(path.read_text(encoding="utf-8", errors="replace"), location)
    return None


def _strip_comment(line: str) -> str:
    out = []
    escaped = False
    for char in line:
        if char == "#" and not escaped:
            break
        escaped = char == "\\" and not escaped
        out.append(char)
    return "".join(out)


def _split(line: str) -> list[str]:
    """Split on whitespace, keeping backslash-escaped spaces in the pattern."""
    parts = re.split(r"(?<!\\)\s+", line)
    return [p.replace("\\ ", " ").replace("\\#", "#") for p in parts if p]


def _owner(text: str, source: str, line: int) -> str:
    if not _OWNER.match(text):
        raise ConfigError(
            f"{source}:{line}: '{text}' is not an owner (expected @user, @org/team or an email)"
        )
    return text[1:] if text.startswith("@") else text  # "@@maintainer" keeps one "@"


@functools.lru_cache(maxsize=2048)
def _regex(pattern: str) -> re.Pattern[str]:
    directory = pattern.endswith("/")
    body = pattern.strip("/") if pattern != "/" else ""
    anchored = pattern.startswith("/") or "/" in body
    prefix = "" if anchored else "(?:.*/)?"
    if body == "*" or body == "**":
        return re.compile(".*\\Z")
    if directory:
        suffix = "/.*"
    elif body.endswith("/*"):
        suffix = ""  # GitHub: docs/* matches docs/a.md, not docs/sub/b.md
    else:
        suffix = "(?:/.*)?"  # a file, or a directory and everything in it
    return re.compile(prefix + glob_regex(body) + suffix + "\\Z")


def _matches(pattern: str, path: str) -> bool:
    return _regex(pattern).match(path.removeprefix("./")) is not None
