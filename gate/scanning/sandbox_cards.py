"""Card numbers that are test cards, by evidence: the number, the file, the module.

Card brands and processors publish test card numbers for their sandboxes (COMPLIANCE.md
section 2). gate knows the brands' common ones (`values.TEST_PANS`); processors publish
dozens more (debit, prepaid, country-of-issuance, duplicate-check cards), and their SDKs
ship them in a test-card constants module for their users' tests. A number is judged a
test card when

- it is a published test PAN (info in test files, high in application code), or
- it sits in a test-card constants module: a file named for cards (`CreditCardNumbers.java`,
  `credit_card_numbers.js`, `test_cards.py`) under a test directory (`test/`,
  `test_values/`, `testing/`), or
- it is in a test file and has the shape of a sandbox number: a run of five identical
  digits or a two-digit pattern repeated three times (`4000111111111115`,
  `4111111111131010`); random real numbers almost never have either.

Any other Luhn-valid PAN keeps the rule's severity (critical), in test files too.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from gate.findings import Severity
from gate.scanning.values import TEST_PANS

_SANDBOX_SHAPE = re.compile(r"(\d)\1{4}|(\d\d)\2\2")
_CARD_MODULE = re.compile(r"card", re.IGNORECASE)


def sandbox_shaped(digits: str) -> bool:
    """A run of 5 identical digits or a 2-digit group repeated 3 times."""
    return _SANDBOX_SHAPE.search(digits) is not None


def card_constants_module(path: str) -> bool:
    """A constants module named for cards under a directory whose name starts with test."""
    pure = PurePosixPath(path)
    in_test_dir = any(part.lower().startswith("test") for part in pure.parts[:-1])
    return in_test_dir and _CARD_MODULE.search(pure.stem) is not None


def sandbox_card_severity(digits: str, path: str, in_tests: bool) -> tuple[Severity, str] | None:
    """(severity, why) when the number is a test card, else None (keep the rule's)."""
    if digits in TEST_PANS:
        where = "a test file" if in_tests else "non-test code"
        return (Severity.INFO if in_tests else Severity.HIGH), (
            f"A published test card number is written in {where}."
        )
    if card_constants_module(path):
        return Severity.LOW, (
            "A test card number in a test-card constants module (a processor's sandbox "
            "cards shipped for tests), so low."
        )
    if in_tests and sandbox_shaped(digits):
        return Severity.LOW, (
            "A test card number in a test file (the repeated-digit shape of a processor's "
            "sandbox card), so low; make sure it is not a real card."
        )
    return None
