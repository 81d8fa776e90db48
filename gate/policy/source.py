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

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gate.change.git import EMPTY_TREE, git
from gate.decision.sla_config import validate_sla
from gate.decision.tier_config import validate_risk, validate_routing
from gate.errors import ConfigError, GitError, UsageError
from gate.policy.config import CONFIG_NAMES, Config, find_config, parse_config
from gate.policy.drift import config_drift
from gate.policy.packs import BUILTIN_PACKS
from gate.policy.yamlio import load_yaml

__all__ = ["PolicySource", "config_drift", "load_policy", "parse_policy"]


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
    repo_root: Path,
    *,
    base_sha: str | None,
    in_ci: bool,
    explicit: Path | None,
    extra_packs: tuple[str, ...] = (),
) -> PolicySource:
    """The policy for this run. In CI: from `base_sha` (required). Locally: the working
    tree (or `explicit`), with drift against `base_sha` when one is given. `extra_packs`
    (`--pack`) are added; in CI a local one is read from the base commit like the rest."""
    if in_ci:
        if not base_sha:
            raise UsageError(
                "in CI gate reads .gate.yml from the base commit so a PR cannot weaken its "
                "own policy: pass --base with the PR's target branch (e.g. origin/main)"
            )
        return _from_base(repo_root, _commit(repo_root, base_sha), explicit, extra_packs)
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
    path = explicit or _find_config(root)
    if path is None:
        return Config(
            source="defaults"
        ), "built-in defaults: no .gate.yml in the working tree (local run)"
    display = path.name if path.parent == root else str(path)
    relative = _in_repo(root, path)
    linked = _linked_component(root, relative) if relative else None
    if linked is not None:
        raise ConfigError(
            f"{display}: {linked} is a symbolic link; gate does not follow links for its "
            "policy (point --config at the real file)"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{display}: cannot read: {exc.strerror}") from None
    return parse_policy(_decode(data, display), display), f"working tree {display} (local run)"


def _find_config(root: Path) -> Path | None:
    """`.gate.yml` (or `.gate.yaml`) in the work tree, a symbolic link included."""
    for name in CONFIG_NAMES:
        if (root / name).is_symlink():
            return root / name
    return find_config(root)


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
    """`path` relative to the repository (forward slashes), or None when outside it.

    Decided on the path as written, never by following links: a symlink the PR commits
    (`ci/gate.yml -> /dev/null`, `packs -> /tmp/decoy`) must not carry a path that names
    a file in the repository outside it, where it would be trusted as the runner's own.
    """
    full = Path(os.path.normpath(path if path.is_absolute() else root / path))
    for prefix in dict.fromkeys((Path(os.path.normpath(root)), root.resolve())):
        try:
            relative = full.relative_to(prefix).as_posix()
        except ValueError:
            continue
        return "" if relative == "." else relative
    return None


def _linked_component(root: Path, relative: str) -> str | None:
    """The first component of `root / relative` that is a symbolic link, if any."""
    current = root
    for part in Path(relative).parts:
        current = current / part
        if current.is_symlink():
            return current.relative_to(root).as_posix()
    return None


def _base_blob(root: Path, sha: str, name: str, listed: bytes) -> bytes | None:
    """A regular file's bytes at `sha` (no filters, no textconv); None when absent there.
    `listed` is `git ls-tree -z` at `sha` for it. A symbolic link there is refused: gate
    never follows one for its policy."""
    for entry in listed.split(b"\x00"):
        meta, _, raw_path = entry.partition(b"\t")
        if os.fsdecode(raw_path) != name:
            continue
        mode, kind, blob = meta.decode().split()
        if mode == "120000":
            raise ConfigError(
                f"{name}: a symbolic link at base commit {sha[:12]}; gate reads its policy "
                "only from regular files (commit the file itself)"
            )
        if kind != "blob":
            return None
        return git(root, "cat-file", "blob", blob).stdout
    return None


def _at_commit(root: Path, sha: str, explicit: Path | None) -> tuple[Config, str]:
    """The config as it was at `sha` (defaults when absent there)."""
    if explicit is not None and _in_repo(root, explicit) is None:
        text = _read_outside(explicit)  # outside the repository: the PR cannot edit it
        return parse_policy(text, str(explicit)), f"{explicit} (outside the repository)"
    names = (_in_repo(root, explicit) or "",) if explicit is not None else CONFIG_NAMES
    wanted = [n for n in names if n]  # one listing for every candidate name
    listed = b""
    if wanted:
        listed = git(root, "ls-tree", "-z", "--full-tree", sha, "--", *wanted, check=False).stdout
    for name in names:
        data = _base_blob(root, sha, name, listed) if name else None
        if data is not None:
            source = f"base:{sha[:12]}:{name}"
            return parse_policy(
                _decode(data, source), source
            ), f"base commit {sha[:12]} {name} (CI)"
    return Config(
        source="defaults"
    ), f"built-in defaults: no {names[0]} at base commit {sha[:12]} (CI)"


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{source}: not UTF-8 text (byte {exc.start}): save the file as UTF-8"
        ) from None


def _read_outside(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None


def _from_base(
    root: Path, sha: str, explicit: Path | None, extra_packs: tuple[str, ...] = ()
) -> PolicySource:
    config, description = _at_commit(root, sha, explicit)
    head_config: Config | None = None
    drift: list[str] = []
    try:
        head_config, _ = _working_tree(root, explicit)
    except ConfigError as exc:
        drift.append(f"the PR's configuration does not load ({exc})")
    if head_config is not None:
        drift.extend(config_drift(config, head_config))
    if extra_packs:  # `--pack`: added after the drift, which compares the files only
        packs_with_extra = tuple(dict.fromkeys(config.packs + extra_packs))
        config = Config(source=config.source, raw={**config.raw, "packs": packs_with_extra})
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
            linked = _linked_component(root, relative)
            if linked is not None:
                drift.append(f"local pack '{spec}': {linked} is a symbolic link in the PR")
            _materialize(root, sha, relative, temp, spec)
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


def _materialize(root: Path, sha: str, relative: str, target: Path, spec: str) -> None:
    """Write the regular files under `relative` as they were at `sha` below `target`.
    A symbolic link there is refused: it could point anywhere on the runner."""
    listing = git(root, "ls-tree", "-r", "-z", "--full-tree", sha, "--", relative).stdout
    written = 0
    for entry in listing.split(b"\x00"):
        if not entry:
            continue
        meta, _, raw_path = entry.partition(b"\t")
        mode, kind, blob = meta.decode().split()
        if mode == "120000":
            raise ConfigError(
                f"local pack '{spec}': {os.fsdecode(raw_path)} is a symbolic link at base "
                f"commit {sha[:12]}; gate does not follow links (commit the rule files)"
            )
        if kind != "blob" or mode not in ("100644", "100755"):
            continue  # submodules are not followed
        written += 1
        path = os.fsdecode(raw_path)
        destination = target / path
        if ".." in Path(path).parts:
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(git(root, "cat-file", "blob", blob).stdout)
    if not written:
        raise ConfigError(
            f"local pack '{spec}': no files at base commit {sha[:12]} (a pack a PR adds is "
            "judged once it is on the base branch)"
        )


def _differs(root: Path, sha: str, relative: str) -> bool:
    tracked = git(root, "diff", "--quiet", "--no-ext-diff", sha, "--", relative, check=False)
    untracked = git(root, "ls-files", "--others", "--exclude-standard", "--", relative)
    return tracked.returncode != 0 or bool(untracked.stdout.strip())


def config_output_path(root: Path, path: str, source: str) -> str:
    """An `outputs:` path from `.gate.yml`, checked: a file the policy names is written
    only inside the repository, never through a symbolic link nor into `.git`."""
    if path == "-":
        return path
    relative = None if Path(path).is_absolute() else _in_repo(root, Path(path))
    if not relative or relative.split("/", 1)[0] == ".git":
        raise ConfigError(
            f"{source}: outputs: '{path}' is outside the repository; .gate.yml may only "
            "write inside it (use --output for other places)"
        )
    linked = _linked_component(root, relative)
    if linked is not None:
        raise ConfigError(
            f"{source}: outputs: '{path}': {linked} is a symbolic link; gate does not write "
            "through links"
        )
    return str(root / relative)
