"""mypy --strict over the layout the wheel installs: reporters/ is gate.reporters there.

mypy cannot follow setuptools' editable import hook, so this builds that layout from
symlinks in a temporary folder and checks it with the project's own mypy settings.
Run it by hand with ``python -m tests.typecheck``; tests/test_quality.py runs it too.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def installed_layout(dest: Path) -> Path:
    """`dest`/gate: every entry of gate/ linked in, plus reporters/ as gate/reporters."""
    package = dest / "gate"
    package.mkdir()
    for entry in (PROJECT_ROOT / "gate").iterdir():
        if entry.name != "__pycache__":
            (package / entry.name).symlink_to(entry)
    (package / "reporters").symlink_to(PROJECT_ROOT / "reporters")
    return dest


def run_mypy(work: Path) -> subprocess.CompletedProcess[str]:
    config = PROJECT_ROOT / "pyproject.toml"
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(config)],
        cwd=installed_layout(work),
        capture_output=True,
        text=True,
        check=False,
    )


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        result = run_mypy(Path(tmp))
    sys.stdout.write(result.stdout + result.stderr)
    sys.exit(result.returncode)
