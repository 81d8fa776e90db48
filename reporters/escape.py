"""The one escaping helper for text that came from the pull request.

Paths, snippets, messages, rule ids and titles from custom packs, suppression reasons and
reviewer names are all written by whoever opened the pull request. Every reporter passes
them through one function of this module for the context it writes into:

- `plain`: terminal, XML, JSON-embedded text. Strips control characters (ANSI escapes,
  NUL, ...), makes bidi overrides visible (Trojan Source), replaces lone surrogates.
- `md_text`: Markdown prose and table cells (PR comment, step summary, SARIF help).
  No raw HTML, no links or images, no emphasis, no table breakage, no @mentions, no
  cross-references (`#123`, `GH-123`, GitLab's `!123`, `~label`, ...), no autolinks.
- `md_code`: an inline code span whose fence is longer than any backtick run in it.
- `md_code_block`: a fenced block whose fence is longer than any backtick run in it.
- `url_path`: a path percent-encoded for a link we build ourselves.
- `workflow_data` / `workflow_property`: GitHub Actions workflow-command escaping.

Mentions and references are defused by a zero-width joiner (U+200D) after the trigger
character: it renders invisibly and GitHub/GitLab no longer recognise the reference.
Inside code spans and blocks neither platform resolves mentions or references, so the
text stays verbatim there.

Every function is pure (str in, str out), so each is memoized: a report repeats the same
rule messages and fixes for every finding, and 1,000 findings escape in linear time.
"""

from __future__ import annotations

import re
import urllib.parse
from functools import lru_cache

ZWJ = "\u200d"

# C0/C1 controls except tab and line breaks (which callers decide about), DEL included.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff\ufffe\uffff]")
_NEWLINE = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_SPACES = re.compile(r"[ \t]+")
_BACKTICKS = re.compile("`+")

# Characters after which GitHub or GitLab may create a mention or a reference:
# @user, #123, GitLab !123 (MR), &123 (epic), %milestone, ~label, $123 (snippet), ^ (commit).
_TRIGGER = re.compile(r"([@#!&%~$^])(?=\S)")
_GH_REF = re.compile(r"(?i)\b(gh-)(?=\d)")
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|mailto)(?=:)|\b(www)(?=\.)")
# Backslash-escapable ASCII punctuation that changes inline rendering or breaks tables.
_MD_PUNCT = re.compile(r"([\\`*_\[\]|~$!{}()])")
_LEADING_BLOCK = re.compile(r"^([#+\-=>])|^(\d{1,9})([.)])")
_LANGUAGE = re.compile(r"[^A-Za-z0-9_+.#-]")


@lru_cache(maxsize=8192)
def plain(text: str) -> str:
    """Text safe to print or embed anywhere: no control characters, visible bidi marks.

    Keeps tabs and turns every line break into ``\\n``.
    """
    text = _NEWLINE.sub("\n", text)
    text = _CONTROL.sub("", text)
    text = _SURROGATE.sub("\ufffd", text)
    return _BIDI.sub(lambda m: f"<U+{ord(m.group(0)):04X}>", text)


@lru_cache(maxsize=8192)
def one_line(text: str) -> str:
    """`plain` on a single line: line breaks and runs of blanks become one space."""
    return _SPACES.sub(" ", plain(text).replace("\n", " ")).strip()


@lru_cache(maxsize=8192)
def md_text(text: str) -> str:
    """Markdown that renders as exactly `text` on one line, with no side effects."""
    text = one_line(text)
    text = _TRIGGER.sub(r"\1" + ZWJ, text)
    text = _GH_REF.sub(r"\1" + ZWJ, text)
    text = _AUTOLINK.sub(lambda m: (m.group(1) or m.group(2)) + ZWJ, text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_PUNCT.sub(r"\\\1", text)
    return _LEADING_BLOCK.sub(_escape_leading, text)


_CODE_SPAN = re.compile(r"`([^`\n]+)`")


@lru_cache(maxsize=8192)
def md_prose(text: str) -> str:
    """`md_text`, except that `single-backtick` spans stay code spans (rule messages and
    fixes quote code). The span's content goes through `md_code`, so it cannot ping,
    link or inject either, and copying it gives the exact code back."""
    text = one_line(text)
    parts: list[str] = []
    position = 0
    for match in _CODE_SPAN.finditer(text):
        parts.append(_prose_segment(text[position : match.start()]))
        parts.append(md_code(match.group(1)))
        position = match.end()
    parts.append(_prose_segment(text[position:]))
    return "".join(parts).strip()


def _prose_segment(segment: str) -> str:
    if not segment.strip():
        return segment
    lead = " " if segment[0].isspace() else ""
    trail = " " if segment[-1].isspace() else ""
    return lead + md_text(segment) + trail


def _escape_leading(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return match.group(2) + "\\" + match.group(3)


@lru_cache(maxsize=8192)
def md_code(text: str, *, table: bool = False) -> str:
    """An inline code span showing `text` verbatim (on one line).

    `table=True` escapes ``|`` as GFM requires inside table cells (the backslash is
    removed by the table parser before the code span is parsed).
    """
    text = one_line(text)
    if not text:
        return "(empty)"
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    if text[0] in "` " or text[-1] in "` ":
        text = f" {text} "
    if table:
        text = text.replace("|", "\\|")
    return f"{fence}{text}{fence}"


def md_code_block(text: str, language: str = "") -> str:
    """A fenced code block showing `text` verbatim; ends with a newline.

    The fence is longer than any backtick run in the text, so no line can close it.
    """
    text = plain(text).rstrip("\n")
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * max(3, longest + 1)
    info = _LANGUAGE.sub("", language)[:20]
    return f"{fence}{info}\n{text}\n{fence}\n"


@lru_cache(maxsize=8192)
def url_path(path: str) -> str:
    """`path` percent-encoded for use after ``/blob/<sha>/`` in a URL.

    Dot segments are encoded too, so ``../`` cannot climb out of the repository.
    """
    segments = plain(path).replace("\n", "").split("/")
    encoded = []
    for segment in segments:
        if segment in (".", ".."):
            encoded.append(segment.replace(".", "%2E"))
        else:
            encoded.append(urllib.parse.quote(segment, safe=""))
    return "/".join(encoded)


@lru_cache(maxsize=8192)
def workflow_data(text: str) -> str:
    """The message part of a GitHub Actions workflow command (after ``::``)."""
    text = plain(text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


@lru_cache(maxsize=8192)
def workflow_property(text: str) -> str:
    """A property value of a workflow command (``file=``, ``title=``, ...)."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")
