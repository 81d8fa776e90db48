"""`gate init`, `gate install-hooks`, `gate uninstall-hooks` (set-up commands)."""

from __future__ import annotations
