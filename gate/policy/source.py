"""Which `.gate.yml` judges a change: the policy cannot be weakened by the change it judges.

In CI the configuration is read from the base commit (`git show BASE:.gate.yml`), and
local rule packs referenced by path are materialized from the base commit into a temp
dir, so a PR cannot edit its own rules. The PR's own `.gate.yml` is still read and
compared key by key with the base one; every difference becomes a drift sentence
("pack 'soc2' removed from packs", "fail_on weakened from 'high' to 'critical'", ...)
that `gate.decision.tier.assess_risk(config_drift=...)` turns into a top-tier signal.

Locally the working-tree file is used, and `PolicySource.description` says so.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gate.change.git import EMPTY_TREE, git
from gate.decision.sla import validate_sla
from gate.decision.tier_config import validate_risk, validate_routing
from gate.errors import ConfigError, GitError, UsageError
from gate.policy.config import CONFIG_NAMES, Config, find_config, parse_config
from gate.policy.packs import BUILTIN_PACKS
from gate.policy.yamlio import load_yaml

_THRESHOLDS = ("info", "low", "medium", "high", "critical", "never")  # stricter first
_COMPARED = frozenset(
    {"packs", "fail_on", "warn_on", "filter_mode", "disable_rules", "exclude", "severity"}
    | {"on_scanner_error"}
)
_FILTERS = ("nofilter", "file", "diff_context", "added")  # more findings first


@dataclass(frozen=True, slots=True, kw_only=True)
class PolicySource:
    """The configuration that judges this run, where it came from, and how the change
    under review would alter it."""

    config: Config
    description: (
        str  # "base commit 1a2b3c4d5e6f .gate.yml (CI)", "working tree .gate.yml (local run)"
    )
    pack_dir: Path  # resolve local pack paths against this: load_catalog(config.packs, pack_dir)
    drift: tuple[str, ...] = ()  # pass to assess_risk(config_drift=...)
    head_config: Config | None = None  # the change's own .gate.yml, when it differs in origin
    temp_dir: Path | None = None  # materialized base packs; removed by cleanup()

    def cleanup(self) -> None:
        if self.temp_dir is not None:
            shutil.rmtree(self.temp_dir, ignore_errors=True)


def load_policy(
    repo_root: Path, *, base_sha: str | None, in_ci: bool, explicit: Path | None
) -> PolicySource:
    """The policy for this run. In CI: from `base_sha` (required). Locally: the working
    tree (or `explicit`), with drift against `base_sha` when one is given."""
    if in_ci:
        if not base_sha:
            raise UsageError(
                "in CI gate reads .gate.yml from the base commit so a PR cannot weaken its "
                "own policy: pass --base with the PR's target branch (e.g. origin/main)"
            )
        return _from_base(repo_root, _commit(repo_root, base_sha), explicit)
    config, description = _working_tree(repo_root, explicit)
    drift: tuple[str, ...] = ()
    if base_sha:
        base_config, _ = _at_commit(repo_root, _commit(repo_root, base_sha), explicit)
        drift = config_drift(base_config, config)
    return PolicySource(config=config, description=description, pack_dir=repo_root, drift=drift)


def parse_policy(text: str, source: str) -> Config:
    """`parse_config` plus validation of `risk`, `routing` and `sla` with line numbers."""
    config = parse_config(text, source)
    data = load_yaml(text, source)
    sections = data if isinstance(data, dict) else {}
    risk = validate_risk(sections.get("risk"), source, _line(sections, "risk"))
    validate_routing(sections.get("routing"), source, risk, _line(sections, "routing"))
    validate_sla(sections.get("sla"), source, _line(sections, "sla"))
    return config


def _line(data: Any, key: str) -> int:
    line_of = getattr(data, "line_of", None)
    return int(line_of(key)) if callable(line_of) else 0


# --- local ---------------------------------------------------------------------------


def _working_tree(root: Path, explicit: Path | None) -> tuple[Config, str]:
    path = explicit or find_config(root)
    if path is None:
        return Config(
            source="defaults"
        ), "built-in defaults: no .gate.yml in the working tree (local run)"
    display = path.name if path.parent == root else str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{display}: cannot read: {exc.strerror}") from None
    return parse_policy(text, display), f"working tree {display} (local run)"


# --- CI: the base commit ---------------------------------------------------------------


def _commit(root: Path, ref: str) -> str:
    if ref == EMPTY_TREE:  # a first push: no base policy, the built-in defaults judge
        return ref
    result = git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False)
    if result.returncode != 0:
        raise GitError(
            f"unknown base revision '{ref}': fetch it first (e.g. `git fetch origin {ref}`), "
            "or in GitHub Actions check out with `fetch-depth: 0`"
        )
    return result.stdout.decode().strip()


def _in_repo(root: Path, path: Path) -> str | None:
    """`path` relative to the repository (forward slashes), or None when outside it."""
    full = path if path.is_absolute() else root / path
    try:
        return full.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None


def _at_commit(root: Path, sha: str, explicit: Path | None) -> tuple[Config, str]:
    """The config as it was at `sha` (defaults when absent there)."""
    if explicit is not None and _in_repo(root, explicit) is None:
        text = _read_outside(explicit)  # outside the repository: the PR cannot edit it
        return parse_policy(text, str(explicit)), f"{explicit} (outside the repository)"
    names = (_in_repo(root, explicit) or "",) if explicit is not None else CONFIG_NAMES
    for name in names:
        shown = git(root, "show", f"{sha}:{name}", check=False)
        if shown.returncode == 0:
            source = f"base:{sha[:12]}:{name}"
            text = shown.stdout.decode("utf-8", "replace")
            return parse_policy(text, source), f"base commit {sha[:12]} {name} (CI)"
    return Config(
        source="defaults"
    ), f"built-in defaults: no {names[0]} at base commit {sha[:12]} (CI)"


def _read_outside(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None


def _from_base(root: Path, sha: str, explicit: Path | None) -> PolicySource:
    config, description = _at_commit(root, sha, explicit)
    head_config: Config | None = None
    drift: list[str] = []
    try:
        head_config, _ = _working_tree(root, explicit)
    except ConfigError as exc:
        drift.append(f"the PR's configuration does not load ({exc})")
    if head_config is not None:
        drift.extend(config_drift(config, head_config))
    temp = Path(tempfile.mkdtemp(prefix="gate-base-packs-"))
    packs: list[str] = []
    try:
        for spec in config.packs:
            if spec in BUILTIN_PACKS:
                packs.append(spec)
                continue
            relative = _in_repo(root, Path(spec))
            if relative is None:  # outside the repository: not part of the change
                packs.append(str((root / spec).resolve()))
                continue
            _materialize(root, sha, relative, temp)
            packs.append(spec if not Path(spec).is_absolute() else str(temp / relative))
            if _differs(root, sha, relative):
                drift.append(
                    f"local pack '{spec}' differs from the base commit "
                    "(judged with the base version)"
                )
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    if tuple(packs) != config.packs:
        config = Config(source=config.source, raw={**config.raw, "packs": tuple(packs)})
    return PolicySource(
        config=config,
        description=description,
        pack_dir=temp,
        drift=tuple(drift),
        head_config=head_config,
        temp_dir=temp,
    )


def _materialize(root: Path, sha: str, relative: str, target: Path) -> None:
    """Write the regular files under `relative` as they were at `sha` below `target`."""
    listing = git(root, "ls-tree", "-r", "-z", "--full-tree", sha, "--", relative).stdout
    for entry in listing.split(b"\x00"):
        if not entry:
            continue
        meta, _, raw_path = entry.partition(b"\t")
        mode, kind, blob = meta.decode().split()
        if kind != "blob" or mode not in ("100644", "100755"):
            continue  # symlinks and submodules are not followed
        path = os.fsdecode(raw_path)
        destination = target / path
        if ".." in Path(path).parts:
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(git(root, "cat-file", "blob", blob).stdout)


def _differs(root: Path, sha: str, relative: str) -> bool:
    tracked = git(root, "diff", "--quiet", "--no-ext-diff", sha, "--", relative, check=False)
    untracked = git(root, "ls-files", "--others", "--exclude-standard", "--", relative)
    return tracked.returncode != 0 or bool(untracked.stdout.strip())


# --- drift --------------------------------------------------------------------------------


def config_drift(base: Config, head: Config) -> tuple[str, ...]:
    """Key-by-key differences from `base` to `head`, one sentence each, weakenings named."""
    old, new = _effective(base), _effective(head)
    sentences: list[str] = []
    for pack in old["packs"]:
        if pack not in new["packs"]:
            sentences.append(f"pack '{pack}' removed from packs")
    for pack in new["packs"]:
        if pack not in old["packs"]:
            sentences.append(f"pack '{pack}' added to packs")
    for key in ("fail_on", "warn_on"):
        sentences.extend(_ordered(key, old[key], new[key], _THRESHOLDS, "fewer findings count"))
    sentences.extend(
        _ordered("filter_mode", old["filter_mode"], new["filter_mode"], _FILTERS, "fewer reported")
    )
    for rule in new["disable_rules"]:
        if rule not in old["disable_rules"]:
            sentences.append(f"rule '{rule}' disabled")
    for rule in old["disable_rules"]:
        if rule not in new["disable_rules"]:
            sentences.append(f"rule '{rule}' re-enabled")
    for glob in new["exclude"]:
        if glob not in old["exclude"]:
            sentences.append(f"exclude adds '{glob}' (those files are no longer scanned)")
    for glob in old["exclude"]:
        if glob not in new["exclude"]:
            sentences.append(f"exclude no longer lists '{glob}'")
    for name, scanner in new["scanners"].items():
        if old["scanners"].get(name, {}).get("enabled") and not scanner.get("enabled"):
            sentences.append(f"scanner '{name}' disabled")
    for rule, severity in new["severity"].items():
        before = old["severity"].get(rule)
        if before != severity:
            sentences.append(
                f"severity of '{rule}' set to {severity} (was {before or 'its default'})"
            )
    if old["on_scanner_error"] == "fail" and new["on_scanner_error"] != "fail":
        sentences.append(
            "on_scanner_error weakened from 'fail' to 'warn' (a crashed scanner passes)"
        )
    for key, before, after in _leaves(old, new):
        if key.split(".", 1)[0] in _COMPARED or (
            key.startswith("scanners.") and key.endswith(".enabled")
        ):
            continue
        sentences.append(f"{key} changed from {_show(before)} to {_show(after)}")
    return tuple(dict.fromkeys(sentences))


def _effective(config: Config) -> dict[str, Any]:
    """Plain JSON-like data with risk/routing/sla defaults filled, for comparison."""
    raw = _plain(config.raw)
    risk = validate_risk(raw.get("risk"), config.source)
    raw["risk"] = _plain(risk)
    raw["routing"] = _plain(validate_routing(raw.get("routing"), config.source, risk))
    raw["sla"] = _plain(validate_sla(raw.get("sla"), config.source))
    result: dict[str, Any] = raw
    return result


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str, sort_keys=True))


def _ordered(key: str, before: str, after: str, order: tuple[str, ...], why: str) -> list[str]:
    """`order` runs from strictest to weakest."""
    if before == after:
        return []
    if before not in order or after not in order:
        return [f"{key} changed from '{before}' to '{after}'"]
    if order.index(after) > order.index(before):
        return [f"{key} weakened from '{before}' to '{after}' ({why})"]
    return [f"{key} tightened from '{before}' to '{after}'"]


def _leaves(old: Any, new: Any, prefix: str = "") -> Iterator[tuple[str, Any, Any]]:
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        for key in sorted(set(old) | set(new)):
            yield from _leaves(old.get(key), new.get(key), f"{prefix}.{key}" if prefix else key)
    elif old != new:
        yield prefix, old, new


def _show(value: Any) -> str:
    if value is None:
        return "(unset)"
    return json.dumps(value, sort_keys=True)
