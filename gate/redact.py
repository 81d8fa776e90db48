"""Redaction of secret values in any text gate prints or posts.

Placeholder: the secrets pack replaces this with real detectors (see gate/scanners/secrets.py).
"""

from __future__ import annotations


def redact(text: str) -> str:
    """Return `text` with every secret-looking value replaced by a fixed mask."""
    return text
