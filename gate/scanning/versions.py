"""Installed distributions' versions without `importlib.metadata`.

Importing `importlib.metadata` costs tens of milliseconds (it brings email, zipfile and
csv along), which a pre-commit hook pays on every run. The version of a distribution
installed beside gate is in the name of its ``<name>-<version>.dist-info`` folder next to
its import package; that is read first, and `importlib.metadata` only when it is absent.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

__all__ = ["installed_version"]


def installed_version(distribution: str, package: str | None = None) -> str | None:
    """The installed version of `distribution` (import package `package`), or None."""
    spec = importlib.util.find_spec(package or distribution)
    locations = list(spec.submodule_search_locations or ()) if spec else []
    if locations:
        site = Path(locations[0]).parent
        prefix = distribution.replace("-", "_").lower() + "-"
        for entry in site.glob("*.dist-info"):
            name = entry.name.lower()
            if name.startswith(prefix) and (entry / "METADATA").is_file():
                return entry.name[len(prefix) : -len(".dist-info")]
    return _from_metadata(distribution)


def _from_metadata(distribution: str) -> str | None:
    import importlib.metadata  # slow import, only when the fast path found nothing

    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None
