"""GitHub Actions' files and log: step outputs (``GITHUB_OUTPUT``), the job summary
(``GITHUB_STEP_SUMMARY``, capped at 1 MiB) and workflow-command escaping."""

from __future__ import annotations

import secrets
import sys
from collections.abc import Mapping
from typing import Any

SUMMARY_LIMIT = 1024 * 1024  # GITHUB_STEP_SUMMARY: at most 1 MiB per step
SEVERITY_OUTPUTS = ("critical", "high", "medium", "low", "info")


def format_output(name: str, value: str) -> str:
    """One GITHUB_OUTPUT entry: name=value, or a heredoc with a delimiter not in value."""
    if "\n" not in value and "\r" not in value:
        return f"{name}={value}\n"
    lines = set(value.splitlines())
    delimiter = f"gate_{secrets.token_hex(8)}"
    while delimiter in lines:
        delimiter = f"gate_{secrets.token_hex(8)}"
    return f"{name}<<{delimiter}\n{value}\n{delimiter}\n"


def write_outputs(environ: Mapping[str, str], values: Mapping[str, str]) -> None:
    path = environ.get("GITHUB_OUTPUT", "")
    text = "".join(format_output(k, v) for k, v in values.items())
    if not path:
        sys.stdout.write(text)
        return
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)


def report_outputs(data: Mapping[str, Any], report: str, sarif: str) -> dict[str, str]:
    """The action's outputs from a JSON result (`gate run --json`)."""
    findings = [f for f in data.get("findings") or () if f.get("status", "active") == "active"]
    counts = {s: sum(1 for f in findings if f.get("severity") == s) for s in SEVERITY_OUTPUTS}
    risk = data.get("risk") or {}
    return {
        "verdict": str(data.get("verdict", "error")),
        "reason": str(data.get("verdict_reason", "")),
        "tier": str(risk.get("tier", "")),
        "tier-name": str(risk.get("name", "")),
        "findings": str(len(findings)),
        **{s: str(n) for s, n in counts.items()},
        "report": report,
        "sarif": sarif,
    }


def append_summary(environ: Mapping[str, str], text: str) -> None:
    path = environ.get("GITHUB_STEP_SUMMARY", "")
    if not path or not text:
        return
    data = text.encode("utf-8")
    if len(data) > SUMMARY_LIMIT:
        note = "\n\n_gate: summary truncated at 1 MiB; the full result is in the report._\n"
        keep = SUMMARY_LIMIT - len(note.encode()) - 4
        data = data[:keep].decode("utf-8", "ignore").encode("utf-8") + note.encode()
    with open(path, "ab") as handle:
        handle.write(data)


def escape_command(message: str) -> str:
    """A workflow command's message: `%`, CR and LF escaped."""
    return message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
