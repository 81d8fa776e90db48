"""Small helpers for Python 3.10 (assert_never arrived in typing with 3.11)."""

from __future__ import annotations

from typing import NoReturn


def assert_never(value: NoReturn) -> NoReturn:  # pragma: no cover - unreachable by design
    raise AssertionError(f"unhandled value: {value!r}")
