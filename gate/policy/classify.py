"""Sensitive-data classification: which names and numbers are card data, secrets or PII.

One dictionary (`policies/classification.yml`, COMPLIANCE.md section 2) feeds both
`classify_name` (gate's own analyzers) and the `{{class:NAME}}` placeholders that
semgrep rules use in `metavariable-regex`, so every engine agrees on what a card
number is called.

Names are normalized as Bearer does: camelCase, snake_case, kebab-case, dots and
digits split into lowercase words, a leading get/set dropped; fragments match whole
words, so `spinner` is not a PIN and `card_last4` is not a PAN.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

CLASS_NAMES = ("PAN", "CHD", "SAD", "CRED", "PII")

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")
_ACCESSORS = frozenset({"get", "set"})
_PLACEHOLDER = re.compile(r"\{\{\s*class:([A-Za-z]+)(?::([A-Za-z_]+))?\s*\}\}")
# Characters allowed between two words of one fragment inside an identifier or key path:
# `card_number`, `card-number`, `card.number`, `card["number"]`, `CardNumber`.
_SEPARATOR = r"""[_\-.\[\]'" ]{0,4}"""

Words = tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class DataClass:
    """One class of the dictionary, its fragments already normalized into words."""

    name: str
    title: str
    fragments: tuple[Words, ...]
    weak: tuple[Words, ...] = ()  # count only with a context word
    context: tuple[Words, ...] = ()
    exclusions: tuple[Words, ...] = ()
    subsets: tuple[tuple[str, tuple[Words, ...]], ...] = ()
    # fragment -> words one of which must also be in the name (strict classification)
    partners: tuple[tuple[Words, tuple[Words, ...]], ...] = ()

    def subset(self, name: str) -> tuple[Words, ...]:
        for subset_name, fragments in self.subsets:
            if subset_name == name:
                return fragments
        known = ", ".join(n for n, _ in self.subsets) or "none"
        raise ValueError(f"class {self.name} has no subset '{name}' (known: {known})")


def normalize(identifier: str) -> Words:
    """`getCardNumber`, `card_number`, `CARD-NUMBER` -> ("card", "number")."""
    words = tuple(w.lower() for w in _WORD.findall(identifier))
    if len(words) > 1 and words[0] in _ACCESSORS:
        return words[1:]
    return words


def _contains(words: Words, fragment: Words) -> bool:
    size = len(fragment)
    return any(words[i : i + size] == fragment for i in range(len(words) - size + 1))


def _any(words: Words, fragments: tuple[Words, ...]) -> bool:
    return any(_contains(words, fragment) for fragment in fragments)


def classify_name(identifier: str, *, strict: bool = False) -> frozenset[str]:
    """Data classes an identifier, key, column or dotted path names (empty if none).

    `strict` (the risk tier's reading of added lines) also requires a partner word for
    the fragments the dictionary lists under `partners:`: `pin` alone is not SAD, but
    `card_pin` is; `token` alone is not CRED, but `access_token` is."""
    words = normalize(identifier)
    if not words:
        return frozenset()
    found = set()
    for data_class in dictionary().values():
        if _any(words, data_class.exclusions):
            continue
        fragments = data_class.fragments
        if strict and data_class.partners:
            fragments = tuple(f for f in fragments if _partnered(words, f, data_class))
        if _any(words, fragments) or (
            _any(words, data_class.weak) and _any(words, data_class.context)
        ):
            found.add(data_class.name)
    return frozenset(found)


def weak_fragments(identifier: str) -> frozenset[str]:
    """Classes whose partner-needing fragment (`pin`, `token`) the name holds alone: such a
    name counts only when its value looks like the data (see gate.policy.carriers)."""
    words = normalize(identifier)
    found = set()
    for data_class in dictionary().values():
        if _any(words, data_class.exclusions):
            continue
        for fragment, _ in data_class.partners:
            if _contains(words, fragment) and not _partnered(words, fragment, data_class):
                found.add(data_class.name)
    return frozenset(found)


def _partnered(words: Words, fragment: Words, data_class: DataClass) -> bool:
    for needing, partners in data_class.partners:
        if needing == fragment:
            return _any(words, partners)
    return True


# --- card numbers -------------------------------------------------------------------------

_TEST_PANS = frozenset(
    {
        "4111111111111111",
        "4242424242424242",
        "4012888888881881",
        "4000056655665556",
        "4000000000000002",
        "4000000000009995",
        "5555555555554444",
        "5105105105105100",
        "5200828282828210",
        "2223003122003222",
        "378282246310005",
        "371449635398431",
        "6011111111111117",
        "6011000990139424",
        "3056930009020004",
        "36227206271667",
        "3566002020360505",
        "6200000000000005",
    }
)

# (brand, prefix ranges as (low, high) over a fixed-width prefix), checked in order.
_BRANDS: tuple[tuple[str, tuple[tuple[int, int, int], ...]], ...] = (
    ("amex", ((2, 34, 34), (2, 37, 37))),
    ("jcb", ((4, 3528, 3589),)),
    ("diners", ((3, 300, 305), (2, 36, 36), (2, 38, 39))),
    ("visa", ((1, 4, 4),)),
    ("mastercard", ((2, 51, 55), (4, 2221, 2720))),
    ("discover", ((4, 6011, 6011), (3, 644, 649), (2, 65, 65))),
    ("unionpay", ((2, 62, 62),)),
    ("maestro", ((2, 50, 50), (2, 56, 69))),
)


def _digits(value: str) -> str:
    return re.sub(r"[ \-]", "", value)


def luhn_valid(digits: str) -> bool:
    """Luhn checksum of a digit string (spaces and dashes ignored)."""
    number = _digits(digits)
    if not number.isdigit() or len(number) < 2:
        return False
    total = 0
    for index, char in enumerate(reversed(number)):
        value = int(char)
        if index % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def card_brand(digits: str) -> str | None:
    """Card scheme from the IIN prefix for a 12-19 digit number, else None."""
    number = _digits(digits)
    if not number.isdigit() or not 12 <= len(number) <= 19:
        return None
    for brand, ranges in _BRANDS:
        for width, low, high in ranges:
            if low <= int(number[:width]) <= high:
                return brand
    return None


def is_test_pan(digits: str) -> bool:
    """A scheme or processor test card number (4111 1111 1111 1111, 4242..., 5555...4444)."""
    return _digits(digits) in _TEST_PANS


# --- the dictionary and its regexes --------------------------------------------------------


def classification_path() -> Path:
    """The dictionary: inside the wheel under gate/_policies, in a checkout ./policies."""
    here = Path(__file__).resolve().parents[1]  # the gate package
    bundled = here / "_policies" / "classification.yml"
    return bundled if bundled.is_file() else here.parent / "policies" / "classification.yml"


def _phrases(value: Any, where: str) -> tuple[Words, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where}: expected a list of strings")
    result = tuple(normalize_fragment(v) for v in value)
    if any(not words for words in result):
        raise ValueError(f"{where}: empty fragment")
    return result


def _partners(value: Any, where: str) -> tuple[tuple[Words, tuple[Words, ...]], ...]:
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise ValueError(f"{where}: expected a mapping of fragment -> partner words")
    return tuple(
        (normalize_fragment(str(k)), _phrases(v, f"{where}.{k}")) for k, v in value.items()
    )


def normalize_fragment(fragment: str) -> Words:
    """Like `normalize`, but a fragment keeps a leading get/set word."""
    return tuple(w.lower() for w in _WORD.findall(fragment))


def parse_dictionary(data: Any, source: str = "classification.yml") -> dict[str, DataClass]:
    if not isinstance(data, dict) or not isinstance(data.get("classes"), dict):
        raise ValueError(f"{source}: expected a top-level 'classes:' mapping")
    result: dict[str, DataClass] = {}
    for name, spec in data["classes"].items():
        where = f"{source}: classes.{name}"
        if not isinstance(spec, dict):
            raise ValueError(f"{where}: expected a mapping")
        subsets_raw = spec.get("subsets") or {}
        if not isinstance(subsets_raw, dict):
            raise ValueError(f"{where}.subsets: expected a mapping")
        result[str(name)] = DataClass(
            name=str(name),
            title=str(spec.get("title", name)),
            fragments=_phrases(spec.get("fragments"), f"{where}.fragments"),
            weak=_phrases(spec.get("weak"), f"{where}.weak"),
            context=_phrases(spec.get("context"), f"{where}.context"),
            exclusions=_phrases(spec.get("not_if_also"), f"{where}.not_if_also"),
            partners=_partners(spec.get("partners"), f"{where}.partners"),
            subsets=tuple(
                (str(k), _phrases(v, f"{where}.subsets.{k}")) for k, v in subsets_raw.items()
            ),
        )
    return result


@lru_cache(maxsize=1)
def dictionary() -> Mapping[str, DataClass]:
    from gate.policy.file_cache import cached_yaml, safe_yaml  # parsed once, then JSON

    path = classification_path()
    return parse_dictionary(cached_yaml(path, safe_yaml), str(path))


def _word_regex(word: str) -> str:
    if word.isdigit():
        return rf"(?<![0-9]){word}(?![0-9])"
    lower, capital, upper = word, word.capitalize(), word.upper()
    return (
        rf"(?:(?<![A-Za-z]){lower}(?![a-z])"
        rf"|{capital}(?![a-z])"
        rf"|(?<![A-Z]){upper}(?![a-z])(?![A-Z](?![a-z])))"
    )


def _phrase_regex(words: Words) -> str:
    return _SEPARATOR.join(_word_regex(w) for w in words)


def _alternation(phrases: tuple[Words, ...]) -> str:
    return "(?:" + "|".join(_phrase_regex(p) for p in phrases) + ")"


def class_regex(name: str, subset: str | None = None) -> str:
    """A whole-value regex matching names of a class, as `classify_name` would classify them.

    It matches identifiers, dotted paths, subscripts and quoted keys (`order.cardNumber`,
    `data["card_number"]`, `"pan"`), left-anchored and consuming the whole value, so it can
    stand alone in a semgrep `metavariable-regex` (do not concatenate it with other regex).
    """
    classes = dictionary()
    if name not in classes:
        raise ValueError(f"unknown data class '{name}' (known: {', '.join(classes)})")
    data_class = classes[name]
    strong = data_class.subset(subset) if subset else data_class.fragments
    any_text = r"[\s\S]*"
    # Cheap necessary condition first: some fragment's first word, case-insensitively, as a
    # plain substring. Most names fail here, before the word-boundary alternations run.
    first_words = sorted({p[0] for p in strong + (data_class.weak if not subset else ())})
    prefilter = f"(?={any_text}(?i:{'|'.join(re.escape(w) for w in first_words)}))"
    parts = [f"(?={any_text}{_alternation(strong)})"]
    if data_class.weak and not subset:
        parts.append(
            f"(?={any_text}{_alternation(data_class.weak)})"
            f"(?={any_text}{_alternation(data_class.context)})"
        )
    exclude = (
        f"(?!{any_text}{_alternation(data_class.exclusions)})" if data_class.exclusions else ""
    )
    return f"^{prefilter}{exclude}(?:{'|'.join(parts)})[\\s\\S]+"


def _prefilter_for(item: Any) -> dict[str, Any] | None:
    condition = item.get("metavariable-regex") if isinstance(item, dict) else None
    if not isinstance(condition, dict) or len(item) != 1:
        return None
    match = _PLACEHOLDER.fullmatch(str(condition.get("regex", "")))
    if match is None:
        return None
    regex = class_prefilter(match.group(1), match.group(2))
    return {"metavariable-regex": {**condition, "regex": regex}}


def class_prefilter(name: str, subset: str | None = None) -> str:
    """A cheap, necessary condition for `class_regex`: some fragment's first word at a word
    boundary, in the three spellings `_word_regex` accepts (lower after a non-letter,
    Capitalized, UPPER), followed by no lowercase letter. semgrep's metavariable-regex is
    left-anchored, hence the leading `[\\s\\S]*?`. Tested to never reject a match."""
    data_class = dictionary()[name]
    strong = data_class.subset(subset) if subset else data_class.fragments
    words = sorted({p[0] for p in strong + (data_class.weak if not subset else ())})
    if any(w.isdigit() for w in words):  # no boundary rules to mirror: plain substring
        return f"[\\s\\S]*?(?i:{'|'.join(re.escape(w) for w in words)})"
    lower = "|".join(re.escape(w) for w in words)
    capital = "|".join(re.escape(w.capitalize()) for w in words)
    upper = "|".join(re.escape(w.upper()) for w in words)
    return f"[\\s\\S]*?(?:(?<![A-Za-z])(?:{lower})|(?:{capital})|(?:{upper}))(?![a-z])"


def expand_placeholders(value: Any) -> Any:
    """Replace `{{class:NAME}}` (or `{{class:NAME:subset}}`) in every string of a rule.

    A `metavariable-regex` whose whole regex is a placeholder is preceded by a second,
    cheap one (`class_prefilter`): semgrep then runs the full class regex only on the few
    values that can match, which measured 2-3x faster on the taint rules, same results.
    """
    if isinstance(value, str):
        return _PLACEHOLDER.sub(lambda m: class_regex(m.group(1), m.group(2)), value)
    if isinstance(value, dict):
        return {key: expand_placeholders(item) for key, item in value.items()}
    if isinstance(value, list):
        expanded: list[Any] = []
        for item in value:
            prefilter = _prefilter_for(item)
            if prefilter is not None:
                expanded.append(prefilter)
            expanded.append(expand_placeholders(item))
        return expanded
    if isinstance(value, tuple):
        return tuple(expand_placeholders(item) for item in value)
    return value
