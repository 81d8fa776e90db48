"""Vendored third-party code: copied into the repository, not written in it.

A PR that updates a vendored jQuery, Moment or a Go module's `vendor/` tree brings
thousands of lines nobody on the team wrote and no reviewer reviews line by line; on
real commits every finding gate raised in them was a false positive (bench/README.md,
holdout6) and a 29k-line library update timed the engine out. So, like the engines' own
defaults, such files are not analysed. They are never a silent gap: the coverage
statement lists each one as "vendored third-party code", and the risk tier counts them as
a dependency change (review where the copy came from, not its lines).

What counts as vendored is deliberately narrow, because a PR could otherwise hide its
own code there:
- `vendored_paths` globs (config; the defaults below): package-manager and third-party
  directories and minified bundles;
- a Go module's `vendor/` tree only when its `vendor/modules.txt` (the manifest `go mod
  vendor` writes) exists in the scanned tree: a package that merely happens to be
  called `vendor` is the project's own code and is scanned.
In CI the configuration comes from the base branch, so a PR cannot widen the list.
"""

from __future__ import annotations

import stat
from collections.abc import Sequence
from pathlib import Path

from gate.globs import matches_any

__all__ = ["VENDORED_PATHS", "VENDORED_REASON", "is_vendored"]

VENDORED_PATHS: tuple[str, ...] = (
    "node_modules/",
    "bower_components/",
    "jspm_packages/",
    "third_party/",
    "third-party/",
    "thirdparty/",
    "*.min.js",
    "*-min.js",
    "*.min.mjs",
    "*.bundle.min.js",
    # copies of browser libraries beside a server-side app (MITREid's resources/js/lib)
    "**/js/lib/",
    "**/js/vendor/",
    "**/static/vendor/",
    "**/assets/vendor/",
    "**/public/vendor/",
)

VENDORED_REASON = "vendored third-party code (vendored_paths; set `vendored_paths: []` to scan it)"


def is_vendored(path: str, root: Path, globs: Sequence[str]) -> bool:
    """Whether a repo-relative `path` is vendored code under `globs` or a Go `vendor/`."""
    if globs and matches_any(path, globs):
        return True
    return _in_go_vendor_tree(path, root)


def _in_go_vendor_tree(path: str, root: Path) -> bool:
    parts = path.split("/")
    for index, part in enumerate(parts[:-1]):
        if part != "vendor":
            continue
        manifest = root.joinpath(*parts[: index + 1], "modules.txt")
        try:
            if stat.S_ISREG(manifest.lstat().st_mode):  # never through a link
                return True
        except OSError:
            continue
    return False
