"""A file-level regex that anchors a taint source on the names a data class could match.

The heavy taint rules (card data, SAD, credentials, personal data reaching logs, URLs or
third parties) take as source `pattern: $S`, every expression of the file, and keep the
ones whose text is "source-shaped" (an identifier, dotted path, subscript or literal-arg
call, no whitespace outside the call's literal) and classified by the class regex. semgrep
runs those filters on every expression, which made five rules about half of all engine
time. A `pattern-regex: '{{class-token:NAME}}'` beside `pattern: $S` in the same
`patterns` cuts that: semgrep keeps a `$S` only if its range lies inside a match of the
regex, and the regex is matched once over the file's text.

The regex matches maximal runs of the characters a source-shaped text is made of
(`[\\w$.\\[\\]'"-]`), plus an optional trailing call with one literal argument, that
contain one of the class's first words in the spellings the class regex accepts
(`class_prefilter`, a necessary condition of it), with the parentheses around it when
there are any (semgrep's range of a parenthesized operand includes them). Every `$S` the
source's own filters accept is such a run or lies inside one (a run is maximal and `$S`
contains no other character), and the run contains the word `$S` contains, so anchoring
never drops a source: the rule's results are the same, only cheaper
(tests/test_class_token.py, and the rule tests of every pack).
"""

from __future__ import annotations

import re
from typing import Any

from gate.policy.classify import class_prefilter, expand_placeholders

_TOKEN = re.compile(r"\{\{\s*class-token:([A-Za-z]+)(?::([A-Za-z_]+))?\s*\}\}")
_ANY = "[\\s\\S]*?"  # class_prefilter's leading wildcard (metavariable-regex is left-anchored)
_RUN = r"""[\w$.\[\]'"\-]"""
_CALL = r"""\((?:['"][\w\- ]*['"])?\)"""
_LITERAL_CHAR = r"[\w\- ]"


def token_regex(words: str) -> str:
    """The anchor for a regex `words` matching one of a class's first words (no anchors,
    no leading wildcard): a source-shaped run containing it, or a run whose trailing
    literal-argument call contains it (`request.POST.get("card number")`)."""
    in_run = f"{_RUN}*?(?:{words}){_RUN}*(?:{_CALL})?"
    in_call = f"{_RUN}*\\(['\"]{_LITERAL_CHAR}*?(?:{words}){_LITERAL_CHAR}*['\"]\\)"
    # semgrep's range of a parenthesized operand includes its parentheses (Go's
    # `[]byte(password)`: `$S` is `password`, its range `(password)`)
    in_parens = f"\\(+{_RUN}*?(?:{words}){_RUN}*\\)+"
    return f"{in_parens}|(?<!{_RUN})(?:{in_run}|{in_call})"


def class_token(name: str, subset: str | None = None) -> str:
    """`{{class-token:NAME}}` (or `{{class-token:NAME:subset}}`) expanded."""
    return token_regex(class_prefilter(name, subset).removeprefix(_ANY))


def expand_rule(value: Any) -> Any:
    """A rule with every placeholder expanded: `{{class-token:...}}` here, `{{class:...}}`
    (and its prefilters) by `gate.policy.classify.expand_placeholders`."""
    return expand_placeholders(_expand_tokens(value))


def _expand_tokens(value: Any) -> Any:
    if isinstance(value, str):
        return _TOKEN.sub(lambda m: class_token(m.group(1), m.group(2)), value)
    if isinstance(value, dict):
        return {key: _expand_tokens(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_expand_tokens(item) for item in value]
    return value
