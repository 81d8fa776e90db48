"""bandit adapter: one `bandit -f json` process over the changed Python files.

- A PR cannot silence bandit: `--ignore-nosec` makes `# nosec` comments count for
  nothing (gate's own suppression syntax is the only one), and bandit runs in a private
  temp directory with the files as explicit arguments, so no `.bandit` / pyproject
  configuration from the repository is read.
- Each result goes through `policies/bandit.yml` (Catalog.bandit_map): rule id, title,
  message, severity, CWE, OWASP, controls and fix, so it merges with the semgrep rule
  that reports the same problem. bandit's own issue text is never shown (B105 quotes the
  password); ids missing from the map become `bandit-<id>` with bandit's severity and
  CWE and a redacted text. Snippets pass `gate.scanning.redact.redact`. A few checks get
  the source context bandit does not look at (`gate.scanning.bandit_context`).
- Failing is never an empty success: a missing executable, a crash, a non-0/1 exit, a
  timeout or unreadable JSON give `ScanOutcome(error=...)`.
- A file bandit cannot parse (syntax error in the PR, bad encoding) or reports nothing
  about is listed in `ScanOutcome.unanalysed` with bandit's reason and left out of
  `files`: it shows up as "not analysed by bandit", not as a pass. That is not an error
  of the whole scan, since bandit did analyse the other files.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from gate.findings import Category, Confidence, Finding, Severity
from gate.policy.packs import Catalog
from gate.scanning.bandit_context import judge_in_context
from gate.scanning.base import ScanOutcome, ScanRequest, ScanTarget, scanner_env
from gate.scanning.processes import run_process
from gate.scanning.redact import redact
from gate.scanning.values import looks_like_secret_value
from gate.scanning.versions import installed_version

NAME = "bandit"


def bandit_executable() -> str | None:
    """The bandit installed beside gate's interpreter first (the tested version), then PATH."""
    beside = Path(sys.executable).parent / "bandit"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("bandit")


def _is_installed_beside(executable: str) -> bool:
    beside = Path(sys.executable).parent / "bandit"
    try:
        return beside.is_file() and Path(executable).resolve().samefile(beside.resolve())
    except OSError:
        return False


def _installed_version() -> str:
    return installed_version("bandit") or "unknown"


class BanditScanner:
    name = NAME

    def __init__(self, executable: str | None = None) -> None:
        self._executable = executable
        self._version: str | None = None

    def _find(self) -> str | None:
        return self._executable or bandit_executable()

    def accepts(self, target: ScanTarget, catalog: Catalog) -> bool:
        file = target.file
        return target.language == "python" and not (
            file.is_binary or file.is_symlink or file.is_submodule
        )

    def version(self) -> str:
        if self._version is None:
            executable = self._find()
            self._version = "missing"
            if executable and _is_installed_beside(executable):
                # The bandit installed with gate: its version from package metadata, so a
                # warm run does not pay for a `bandit --version` process (~0.1 s).
                self._version = _installed_version()
            elif executable:
                try:
                    _, out, _ = run_process(
                        [executable, "--version"], cwd=tempfile.gettempdir(), timeout=15
                    )
                    words = out.decode("utf-8", "replace").split()
                    self._version = (
                        words[1] if len(words) > 1 and words[0] == "bandit" else "unknown"
                    )
                except (OSError, subprocess.TimeoutExpired):
                    self._version = "unknown"
        return self._version

    def scan(self, request: ScanRequest) -> ScanOutcome:
        started = time.monotonic()

        def failed(reason: str) -> ScanOutcome:
            return ScanOutcome(
                scanner=NAME,
                version=self.version(),
                error=reason,
                duration=time.monotonic() - started,
            )

        root = request.root.resolve()
        by_argument: dict[str, str] = {}
        for target in request.targets:
            if target.language == "python" and not target.file.is_binary:
                by_argument[str(root / target.path)] = target.path
        if not by_argument:
            return ScanOutcome(scanner=NAME, version=self.version(), files=())
        executable = self._find()
        if executable is None:
            return failed("bandit is not installed (pip install prereview-gate brings it)")
        command = [executable, "-f", "json", "-q", "--ignore-nosec", "--", *by_argument]
        with tempfile.TemporaryDirectory(prefix="gate-bandit-") as scratch:
            try:
                code, stdout, stderr = _run(command, cwd=scratch, timeout=request.timeout)
            except subprocess.TimeoutExpired:
                return failed(f"bandit timed out after {request.timeout:g}s")
            except OSError as exc:
                return failed(f"bandit could not start: {exc.strerror or exc}")
        tail = stderr.decode("utf-8", "replace").strip().splitlines()
        detail = tail[-1][:200] if tail else "no output on stderr"
        if code not in (0, 1):
            return failed(f"bandit failed (exit {code}): {detail}")
        try:
            data = json.loads(stdout)
            if not isinstance(data, dict) or not isinstance(data.get("results"), list):
                raise ValueError("no results list")
        except ValueError:
            return failed(f"bandit produced no readable JSON (exit {code}): {detail}")
        try:
            findings = tuple(
                _to_finding(result, request.catalog, by_argument)
                for result in data["results"]
                if _normalize(result.get("filename"), by_argument) is not None
                and not _password_is_a_name(result)
            )
        except (KeyError, TypeError, ValueError) as exc:
            return failed(f"bandit result could not be mapped: {exc}")
        findings = judge_in_context(findings, root)
        unanalysed = _unanalysed(data, by_argument)
        skipped = dict(unanalysed)
        return ScanOutcome(
            scanner=NAME,
            version=self.version(),
            findings=findings,
            files=tuple(p for p in by_argument.values() if p not in skipped),
            unanalysed=unanalysed,
            duration=time.monotonic() - started,
        )


def _run(command: list[str], *, cwd: str, timeout: float) -> tuple[int, bytes, bytes]:
    """Run in its own process group so a timeout also ends anything bandit started."""
    return run_process(command, cwd=cwd, timeout=timeout, env=scanner_env())


def _normalize(filename: Any, by_argument: Mapping[str, str]) -> str | None:
    """bandit's filename -> the repo-relative path of the target it belongs to."""
    if not isinstance(filename, str):
        return None
    if filename in by_argument:
        return by_argument[filename]
    return by_argument.get(os.path.normpath(os.path.abspath(filename)))


def _unanalysed(
    data: Mapping[str, Any], by_argument: Mapping[str, str]
) -> tuple[tuple[str, str], ...]:
    result: dict[str, str] = {}
    for error in data.get("errors") or []:
        path = _normalize(error.get("filename"), by_argument)
        if path is not None:
            result[path] = f"bandit: {str(error.get('reason') or 'error').splitlines()[0][:200]}"
    reported = {
        _normalize(name, by_argument) for name in (data.get("metrics") or {}) if name != "_totals"
    }
    for path in by_argument.values():
        if path not in reported and path not in result:
            result[path] = "bandit: no result for this file"
    return tuple(sorted(result.items()))


def _controls(value: Any) -> tuple[str, ...]:
    if not isinstance(value, Mapping):
        return ()
    ids = value.items()
    return tuple(f"{framework}:{control}" for framework, items in ids for control in items or ())


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, int)):
        return (str(value),)
    return tuple(str(v) for v in value)


def _category(rule_id: str) -> Category:
    if rule_id.startswith("eh-"):
        return Category.ERROR_HANDLING
    if rule_id.startswith(("pci-", "soc2-")):
        return Category.COMPLIANCE
    return Category.SECURITY


_PASSWORD_CHECKS = ("B105", "B106", "B107")
_LITERAL = re.compile(
    r"""(?P<name>[A-Za-z_][\w.]*)["'\]]?\s*(?:==|=|:)\s*[bru]{0,2}(?P<q>["'])(?P<value>[^"'\n]*)(?P=q)"""
)


def _password_is_a_name(result: Mapping[str, Any]) -> bool:
    """B105-B107 judge the name only; a literal that is a slug of its name, a setting key,
    a dotted path or a placeholder (`PASSWORD_RESET = "password_reset"`) is not one."""
    if str(result.get("test_id")) not in _PASSWORD_CHECKS:
        return False
    line = str(int(result.get("line_number") or 0))
    for raw in str(result.get("code") or "").splitlines():
        number, _, text = raw.partition(" ")
        if number == line:
            found = list(_LITERAL.finditer(text))
            return bool(found) and not any(
                looks_like_secret_value(m.group("value"), m.group("name")) for m in found
            )
    return False


def _snippet(result: Mapping[str, Any], line: int) -> str:
    """The flagged line from bandit's numbered `code` excerpt ("12 password = ...")."""
    for raw in str(result.get("code") or "").splitlines():
        number, _, text = raw.partition(" ")
        if number == str(line):
            return redact(text.strip())
    return ""


def _to_finding(
    result: Mapping[str, Any], catalog: Catalog, by_argument: Mapping[str, str]
) -> Finding:
    test_id = str(result["test_id"])
    path = _normalize(result.get("filename"), by_argument) or ""
    line = int(result.get("line_number") or 1)
    line_range = [int(n) for n in result.get("line_range") or [line]]
    entry = catalog.bandit_map.get(test_id)
    bandit_cwe = (result.get("issue_cwe") or {}).get("id")
    if entry is None:
        unmapped_cwe: tuple[str, ...] = (f"CWE-{bandit_cwe}",) if bandit_cwe else ()
        return Finding(
            rule_id=f"bandit-{test_id}",
            sources=(NAME,),
            source_rule_ids=(test_id,),
            severity=Severity.parse(str(result.get("issue_severity") or "medium")),
            confidence=Confidence(str(result.get("issue_confidence") or "medium").lower()),
            pack=NAME,
            path=path,
            start_line=line,
            end_line=max(line_range + [line]),
            start_col=int(result.get("col_offset") or 0) + 1,
            title=f"bandit {test_id} {result.get('test_name', '')}".strip(),
            message=redact(str(result.get("issue_text") or "")),
            references=_strings(result.get("more_info")),
            cwe=unmapped_cwe,
            controls=catalog.controls_for_cwe(unmapped_cwe),
            snippet=_snippet(result, line),
        )
    rule_id = str(entry["rule_id"])
    rule = catalog.rule(rule_id)
    cwe = _strings(entry.get("cwe")) or (rule.cwe if rule else ())
    controls = _controls(entry.get("controls")) or (rule.controls if rule else ())
    references = _strings(entry.get("references")) or _strings(result.get("more_info"))
    return Finding(
        rule_id=rule_id,
        sources=(NAME,),
        source_rule_ids=(test_id,),
        severity=Severity.parse(
            str(entry.get("severity") or (rule.severity.value if rule else ""))
        ),
        confidence=Confidence(str(entry.get("confidence") or "medium").lower()),
        category=rule.category if rule else _category(rule_id),
        pack=rule.pack if rule else NAME,
        path=path,
        start_line=line,
        end_line=max(line_range + [line]),
        start_col=int(result.get("col_offset") or 0) + 1,
        end_col=int(result.get("end_col_offset") or 0) + 1,
        title=str(entry.get("title") or (rule.title if rule else rule_id)),
        message=str(entry.get("message") or (rule.message if rule else "")).strip(),
        remediation=str(entry.get("remediation") or (rule.remediation if rule else "")).strip(),
        cwe=cwe,
        owasp=_strings(entry.get("owasp")) or (rule.owasp if rule else ()),
        controls=controls or catalog.controls_for_cwe(cwe),
        data_classes=rule.data_classes if rule else (),
        references=references,
        snippet=_snippet(result, line),
    )
