"""Only new problems: a finding on a changed line that was in the base already is
`pre-existing` (kept, shown folded, never counted). See docs/baseline.md.

Identity is the rule plus the code of the finding's statement (whole logical lines,
`gate.decision.baseline_code`) with whitespace normalized (re-indenting, joining or
splitting lines keep it), independent of the path. Occurrences are counted,
not compared as sets: every line of the base that the change did not touch is also in the
head, so for each identity the change added `added - removed` occurrences, where
*added* counts the head findings on lines the change added and *removed* the base
findings on lines it removed (in any file: that is how a move between files is seen). If
the head has two and the base one, one is new; a copy is new, a move is not.

A finding over a block (a view with its decorators, a function without an audit call, a
try statement) is identified by the block's head (`Code.block_head`): editing inside it,
or adding type hints to its parameters, removes no line of the head. Such a finding is
pre-existing when the base version of its own file has more findings of that identity
than the head has untouched ones (a new second view with the same head is new), or when
one was removed in another file (moved).

Cost: nothing happens without a candidate (an active finding on an added line). Then
one `git diff` for the removed lines, and a scan of the base versions of only those files
that lost lines (or hold a block candidate) and whose base text contains a candidate's
code, through the result cache.

Whatever cannot be established (a base blob missing in a shallow or partial clone, a
scanner failing on the base side, the two diffs disagreeing) leaves the finding new and
adds a note: the baseline can hide a finding only when it has seen it in the base.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from gate.change.model import Change, ChangedFile, ChangeKind, DiffMode
from gate.change.removed import Removal, diff_revisions, removed_lines
from gate.decision.baseline_code import Code, normalize_code
from gate.decision.baseline_pairing import (
    Key,
    Seen,
    first_line,
    is_block,
    key_of,
    pair_with_base,
    probe,
    raw_of,
)
from gate.decision.baseline_rules import NewRules, base_rules_loader
from gate.errors import GateError
from gate.findings import Finding, Status, merge_duplicates
from gate.globs import matches_any
from gate.policy.config import Config
from gate.policy.packs import Catalog
from gate.scanning.base import Scanner
from gate.scanning.base_side import narrow_catalog, read_base_blobs, scan_base

CodeReader = Callable[[str], Code]


def code_reader(root: Path) -> CodeReader:
    cache: dict[str, Code] = {}

    def read(path: str) -> Code:
        if path not in cache:
            try:
                text = (root / path).read_bytes().decode("utf-8", "replace")
            except OSError:
                text = ""
            cache[path] = Code(text.splitlines())
        return cache[path]

    return read


def baseline_stage(
    *,
    change: Change,
    config: Config,
    catalog: Catalog,
    scanners: Mapping[str, Scanner],
    policy_from_base: bool,
    config_path: Path | None,
    extra_packs: tuple[str, ...],
) -> Baseline:
    """The runner's one call: the stage `build_report(baseline=...)` applies."""
    new_rules = base_rules_loader(
        head=catalog,
        head_packs=config.packs,
        repo_root=change.repo_root,
        base_sha=change.base_sha,
        policy_from_base=policy_from_base,
        config_path=config_path,
        extra_packs=extra_packs,
    )
    return Baseline(
        change=change,
        config=config,
        catalog=catalog,
        scanners=scanners,
        read_head=code_reader(change.content_root),
        new_rules=new_rules,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Baseline:
    """The stage: `baseline(findings) -> (findings, notes)`, called before the verdict."""

    change: Change
    config: Config
    catalog: Catalog
    scanners: Mapping[str, Scanner]
    read_head: CodeReader
    new_rules: NewRules

    def __call__(
        self, findings: tuple[Finding, ...]
    ) -> tuple[tuple[Finding, ...], tuple[str, ...]]:
        if self.config["baseline"] != "on":
            return findings, ()
        revisions = diff_revisions(self.change)
        if revisions is None and self.change.mode not in (DiffMode.STAGED, DiffMode.LOCAL):
            return findings, ()  # --files / --all: no base to compare with
        files = {f.path: f for f in self.change.files}
        candidates = [i for i, f in enumerate(findings) if _candidate(f, files)]
        if not candidates:
            return _states(findings, {}, set()), ()
        if revisions is None:
            note = "baseline: no base commit (empty repository): every finding is new"
            return _states(findings, {}, set(candidates)), (note,)
        try:
            removals = removed_lines(self.change.repo_root, *revisions)
        except GateError as exc:
            return _states(findings, {}, set(candidates)), (f"baseline: not applied ({exc})",)
        mismatch = _disagreement(files, removals)
        if mismatch:
            note = f"baseline: not applied: the two diffs disagree on {mismatch}"
            return _states(findings, {}, set(candidates)), (note,)
        keys = {i: key_of(findings[i], self.read_head(findings[i].path)) for i in candidates}
        raws = {i: raw_of(findings[i], self.read_head(findings[i].path)) for i in candidates}
        try:
            seen, notes, scanned = self._base_side(findings, candidates, keys, files, removals)
        except GateError as exc:
            return _states(findings, {}, set(candidates)), (f"baseline: not applied ({exc})",)
        fresh = {i for i in candidates if _head_added(findings[i], keys[i], files)}
        policy = self._path_policy
        matched = pair_with_base(findings, candidates, keys, raws, seen, files, policy, fresh)
        result = list(_states(findings, matched, set(candidates) - set(matched)))
        new_rules, rules_note = self.new_rules()
        block = self.config["newly_enabled_rules"] == "block"
        for index, (state, origin) in matched.items():
            finding = replace(result[index], baseline_state=state)
            if finding.rule_id in new_rules:
                label = f"newly enabled rule (new or changed since the base's policy); {origin}"
                if block:
                    finding = finding.mark(Status.ACTIVE, label + "; newly_enabled_rules: block")
                else:
                    finding = finding.mark(Status.PRE_EXISTING, label)
            else:
                finding = finding.mark(Status.PRE_EXISTING, f"pre-existing: {origin}")
            result[index] = finding
        for index in set(candidates) - set(matched):
            if result[index].rule_id in new_rules:
                result[index] = replace(
                    result[index], status_reason="newly enabled rule, on code new in this change"
                )
        if rules_note:
            notes.append(f"baseline: {rules_note}")
        if matched:
            notes.insert(
                0,
                f"baseline: {len(matched)} finding(s) on changed lines were already in the "
                f"base {self.change.base_sha[:12]} (moved, re-indented or reformatted), "
                f"not counted; base side: {scanned}",
            )
        return tuple(result), tuple(notes)

    def _path_policy(self, path: str) -> tuple[int, ...]:
        """Which `overrides` entries apply to `path`: code only counts as moved between
        paths that the configuration judges alike (thresholds, disabled rules, severity)."""
        entries = self.config["overrides"]
        return tuple(i for i, o in enumerate(entries) if matches_any(path, o["paths"]))

    def _base_side(
        self,
        findings: tuple[Finding, ...],
        candidates: list[int],
        keys: Mapping[int, Key],
        files: Mapping[str, ChangedFile],
        removals: Mapping[str, Removal],
    ) -> tuple[dict[Key, list[Seen]], list[str], str]:
        """Base findings on removed lines, by identity, for the candidates' identities;
        for a block identity also those left in the candidate's own base file."""
        blocks = {
            _base_path(findings[i].path, files)
            for i in candidates
            if is_block(keys[i]) and files[findings[i].path].kind is not ChangeKind.ADDED
        }
        sources = {
            r.base_path: r
            for path, r in removals.items()
            if path in files and r.base_path and (r.removed or r.base_path in blocks)
            if not matches_any(r.base_path, self.config["exclude"])
        }
        if not sources:
            return {}, [], "nothing removed, not scanned"
        blobs = read_base_blobs(self.change.repo_root, self.change.base_sha, tuple(sources))
        notes = [
            f"baseline: base version of {p} could not be read (shallow or partial clone?); "
            "code moved from it counts as new"
            for p in sorted(set(sources) - set(blobs))
        ]
        texts = {probe(k) for k in keys.values()}
        chosen = {p: b for p, b in blobs.items() if _contains_any(b, texts)}
        if not chosen:
            return {}, notes, "no candidate's code in it, not scanned"
        names = {s for i in candidates for s in findings[i].sources}
        scanners = {n: s for n, s in self.scanners.items() if n in names}
        rules = narrow_catalog(self.catalog, frozenset(findings[i].rule_id for i in candidates))
        started = time.monotonic()
        base = scan_base(self.change, chosen, scanners, self.config, rules)
        took = time.monotonic() - started
        notes.extend(f"baseline: {p}; findings there count as new" for p in base.problems)
        codes = {p: Code(lines) for p, lines in (base.contents or {}).items()}
        wanted = set(keys.values())
        seen: dict[Key, list[Seen]] = defaultdict(list)
        kept: dict[tuple[Key, str], list[tuple[bool, Seen]]] = defaultdict(list)
        for finding in merge_duplicates(base.findings):
            removal = sources.get(finding.path)
            if removal is None:
                continue
            touched = any(removal.line_removed(n) for n in _lines(finding))
            code = codes.get(finding.path, Code([]))
            key = key_of(finding, code)
            if key not in wanted:
                continue
            head = first_line(code, finding) if is_block(key) else ""
            item = Seen(finding.path, finding.start_line, raw_of(finding, code), head)
            if is_block(key) and finding.path in blocks:
                kept[key, finding.path].append((touched, item))
            elif touched:
                seen[key].append(item)
        for (key, path), items in kept.items():
            untouched = self._untouched(findings, key, path, files)
            items.sort(key=lambda pair: not pair[0])  # those the change touched first
            seen[key].extend(item for _, item in items[: max(0, len(items) - untouched)])
        return seen, notes, f"{len(chosen)} file(s) scanned in {took:.2f} s"

    def _untouched(
        self,
        findings: tuple[Finding, ...],
        key: Key,
        base_path: str,
        files: Mapping[str, ChangedFile],
    ) -> int:
        """Head findings of a block identity in the file that was `base_path`, on no added
        line: each stands for one of the base's, which is therefore not available."""
        count = 0
        for finding in findings:
            if finding.rule_id != key[0] or _base_path(finding.path, files) != base_path:
                continue
            changed = files.get(finding.path)
            if changed and any(changed.line_added(n) for n in _lines(finding)):
                continue
            count += key_of(finding, self.read_head(finding.path)) == key
        return count


def _lines(finding: Finding) -> range:
    return range(finding.start_line, max(finding.start_line, finding.end_line) + 1)


def _base_path(path: str, files: Mapping[str, ChangedFile]) -> str:
    changed = files.get(path)
    return (changed.old_path if changed else None) or path


def _head_added(finding: Finding, key: Key, files: Mapping[str, ChangedFile]) -> bool:
    """A block candidate whose first line the change added: a new block, most likely, so
    it is paired after those whose head was already there."""
    changed = files.get(finding.path)
    return is_block(key) and changed is not None and changed.line_added(finding.start_line)


def _contains_any(blob: bytes, texts: set[str]) -> bool:
    whole = normalize_code(blob.decode("utf-8", "replace"))
    return any(t in whole for t in texts)


def _candidate(finding: Finding, files: Mapping[str, ChangedFile]) -> bool:
    changed = files.get(finding.path)
    if not finding.is_active or changed is None or changed.kind is ChangeKind.WHOLE:
        return False
    span = range(finding.start_line, max(finding.start_line, finding.end_line) + 1)
    return any(changed.line_added(n) for n in span)


def _disagreement(files: Mapping[str, ChangedFile], removals: Mapping[str, Removal]) -> str:
    """The first path whose added lines the two diffs see differently ("" when none)."""
    for path, changed in sorted(files.items()):
        if changed.whole or changed.kind is ChangeKind.DELETED or changed.is_binary:
            continue
        removal = removals.get(path)
        if (removal.added if removal else ()) != changed.added:
            return path
    return ""


def _states(
    findings: tuple[Finding, ...], matched: Mapping[int, Any], new: set[int]
) -> tuple[Finding, ...]:
    """SARIF baselineState for findings not paired: new candidates, untouched lines."""
    result = []
    for index, finding in enumerate(findings):
        if index in new:
            finding = replace(finding, baseline_state="new")
        elif index not in matched and finding.status in (Status.ACTIVE, Status.OUTSIDE_DIFF):
            finding = replace(finding, baseline_state="unchanged")
        result.append(finding)
    return tuple(result)
