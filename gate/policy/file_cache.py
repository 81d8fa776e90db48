"""gate's own YAML data files (the classification dictionary, bandit.yml, crosswalk.yml)
parsed once and kept as JSON, keyed by a hash of their bytes, so a hook does not re-parse
them on every run (the packs themselves: `gate.policy.pack_cache`).

The cache lives beside the pack cache in the user's cache directory
(``$XDG_CACHE_HOME/gate/files``), never in the repository. Only data that survives the
JSON round trip unchanged is saved (no dates, no integer keys); anything unreadable is a
miss and the file is parsed as if there were no cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

__all__ = ["cached_yaml", "safe_yaml"]

_FORMAT = 1


def cached_yaml(
    path: Path, load: Callable[[bytes], Any], env: Mapping[str, str] | None = None
) -> Any:
    """`load(path's bytes)`, or its saved JSON form when the bytes are the same."""
    data = path.read_bytes()
    digest = hashlib.sha256(b"%d\0" % _FORMAT + data).hexdigest()[:40]
    saved = _cache_dir(env) / f"{path.stem}-{digest}.json"
    try:
        return json.loads(saved.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    parsed = load(data)
    try:
        text = json.dumps(parsed, sort_keys=True)
        if json.loads(text) == parsed:
            write_atomically(saved, text)
    except (OSError, TypeError, ValueError):
        pass
    return parsed


def safe_yaml(data: bytes) -> Any:
    import yaml  # loaded only on a miss

    return yaml.safe_load(data.decode("utf-8"))


def _cache_dir(env: Mapping[str, str] | None) -> Path:
    environ = os.environ if env is None else env
    base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "gate" / "files"


def write_atomically(path: Path, text: str, prefix: str = ".file-") -> None:
    """Write `text` to `path` through a temp file and a rename: readers never see half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=prefix, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
