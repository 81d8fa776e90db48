"""The one error type gate raises on purpose; everything else is a bug."""

from __future__ import annotations

from typing import ClassVar


class GateError(Exception):
    """An expected failure with a one-line message that tells the user what to do next."""

    exit_code: ClassVar[int] = 3


class UsageError(GateError):
    exit_code: ClassVar[int] = 2


class ConfigError(GateError):
    """Malformed `.gate.yml` or rule pack: the message names file:line and the key."""

    exit_code: ClassVar[int] = 2


class GitError(GateError):
    exit_code: ClassVar[int] = 2


class ScannerError(GateError):
    exit_code: ClassVar[int] = 3


class PostError(GateError):
    exit_code: ClassVar[int] = 3
