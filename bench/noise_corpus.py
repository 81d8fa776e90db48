"""Noise on clean code: gate's real pipeline over the diff between two releases.

For each package pair (old release -> new release) this script downloads both source
distributions (PyPI sdists through pip, npm tarballs through `npm pack`), caches them under
bench/out/noise/cache, builds a git repository with the old release as the first commit and
the new release as the second, and runs the real command a CI job runs:

    gate run --base HEAD~1 --json report.json --quiet

so only the lines added between the two releases count, as on a real pull request. It then
counts active findings per 1,000 added lines (per severity band, pack, rule, language and
package) and writes every active finding to bench/out/noise/findings.txt for inspection.

    python bench/noise_corpus.py                # whole corpus
    python bench/noise_corpus.py requests rich  # some packages only
    python bench/noise_corpus.py --jobs 2       # packages in parallel

Released code of well-maintained packages is taken as clean: every medium+ finding on it is
a false positive to fix, or a real issue to explain.
"""

from __future__ import annotations

import argparse
import collections
import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from gate.scanning.languages import detect_language

HERE = Path(__file__).resolve().parent
OUT = HERE / "out" / "noise"
BIN = Path(sys.executable).parent
WARN_BAND = ("critical", "high", "medium")  # at or above the default warn_on
# Generated or vendored output shipped in npm tarballs; reviewed PRs change the sources.
NPM_DROP = ("dist/*", "build/*", "*.map", "*.min.js")


@dataclass(frozen=True, slots=True, kw_only=True)
class Pair:
    name: str  # distribution name on its registry
    registry: str  # "pypi" | "npm"
    old: str
    new: str
    include: tuple[str, ...] = ("*",)  # fnmatch globs on the path inside the release
    drop: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.name} {self.old} -> {self.new}"

    @property
    def slug(self) -> str:
        return f"{self.name.replace('/', '_').replace('@', '')}-{self.old}-{self.new}"


CORPUS: tuple[Pair, ...] = (
    Pair(name="requests", registry="pypi", old="2.31.0", new="2.32.3"),
    Pair(name="flask", registry="pypi", old="3.0.3", new="3.1.0"),
    Pair(name="click", registry="pypi", old="8.1.7", new="8.1.8"),
    Pair(name="attrs", registry="pypi", old="23.2.0", new="24.2.0"),
    Pair(name="httpx", registry="pypi", old="0.27.2", new="0.28.1"),
    Pair(name="rich", registry="pypi", old="13.8.1", new="13.9.4"),
    Pair(
        name="django",
        registry="pypi",
        old="5.0.9",
        new="5.1.4",
        include=(
            "django/contrib/auth/*",
            "django/contrib/sessions/*",
            "django/core/*",
            "django/db/backends/*",
            "django/middleware/*",
            "tests/auth_tests/*",
            "tests/sessions_tests/*",
            "tests/backends/*",
            "tests/middleware/*",
        ),
    ),
    Pair(name="express", registry="npm", old="4.21.1", new="5.0.1", drop=NPM_DROP),
    Pair(name="axios", registry="npm", old="1.7.7", new="1.7.9", drop=NPM_DROP),
    Pair(name="koa", registry="npm", old="2.15.3", new="2.15.4", drop=NPM_DROP),
    Pair(name="lodash-es", registry="npm", old="4.17.20", new="4.17.21", drop=NPM_DROP),
    Pair(name="@tanstack/query-core", registry="npm", old="5.59.0", new="5.62.0", drop=NPM_DROP),
)

_GIT_ENV = {
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.invalid",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.invalid",
    "GIT_AUTHOR_DATE": "2024-01-01T00:00:00Z",
    "GIT_COMMITTER_DATE": "2024-01-01T00:00:00Z",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


# --- corpus -------------------------------------------------------------------------------


def fetch(pair: Pair, version: str) -> Path:
    """The release archive, downloaded once into the cache."""
    cache = OUT / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    if pair.registry == "pypi":
        stem = pair.name.lower().replace("-", "_")
        for found in cache.iterdir():
            if found.name.lower().replace("-", "_") in (f"{stem}_{version}.tar.gz",):
                return found
        subprocess.run(
            [str(BIN / "pip"), "download", "-q", "--no-deps", "--no-binary", ":all:"]
            + [f"{pair.name}=={version}", "-d", str(cache)],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return fetch(pair, version)
    name = pair.name.lstrip("@").replace("/", "-")
    target = cache / f"{name}-{version}.tgz"
    if not target.exists():
        subprocess.run(
            ["npm", "pack", "-q", f"{pair.name}@{version}"],
            cwd=cache,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return target


def _release_files(pair: Pair, archive: Path) -> Iterable[tuple[str, bytes]]:
    """(path inside the release, content) for every kept regular file."""
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            if not member.isfile():
                continue
            parts = PurePosixPath(member.name).parts[1:]  # strip name-version/ or package/
            if not parts:
                continue
            path = "/".join(parts)
            if not any(fnmatch.fnmatch(path, g) for g in pair.include):
                continue
            if any(fnmatch.fnmatch(path, g) for g in pair.drop):
                continue
            handle = tar.extractfile(member)
            if handle is not None:
                yield path, handle.read()


def _git(repo: Path, *args: str) -> str:
    env = {**os.environ, **_GIT_ENV}
    done = subprocess.run(
        ["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True
    )
    return done.stdout


def build_repo(pair: Pair) -> Path:
    """A repository whose HEAD~1 is the old release and HEAD the new one."""
    repo = OUT / "repos" / pair.slug
    if (repo / ".git").is_dir() and _git(repo, "rev-list", "--count", "HEAD").strip() == "2":
        return repo
    shutil.rmtree(repo, ignore_errors=True)
    repo.mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    for version in (pair.old, pair.new):
        for child in repo.iterdir():
            if child.name != ".git":
                shutil.rmtree(child) if child.is_dir() else child.unlink()
        for path, data in _release_files(pair, fetch(pair, version)):
            target = repo / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        _git(repo, "add", "-A", ".")
        _git(repo, "commit", "-q", "--allow-empty", "-m", f"{pair.name} {version}")
    return repo


# --- measurement --------------------------------------------------------------------------


def gate_command(report: Path) -> list[str]:
    return [str(BIN / "gate"), "run", "--base", "HEAD~1", "--json", str(report), "--quiet"]


def run_gate(pair: Pair, repo: Path) -> dict[str, object]:
    shutil.rmtree(repo / ".gate", ignore_errors=True)  # fresh results: rules change between runs
    report = OUT / "reports" / f"{pair.slug}.json"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.unlink(missing_ok=True)
    done = subprocess.run(gate_command(report), cwd=repo, capture_output=True, text=True)
    if done.returncode not in (0, 1) or not report.exists():
        raise RuntimeError(f"{pair.label}: gate exited {done.returncode}: {done.stderr.strip()}")
    data: dict[str, object] = json.loads(report.read_text())
    return data


def added_lines(repo: Path) -> dict[str, int]:
    """Added lines per path between the releases (text files only)."""
    counts: dict[str, int] = {}
    # Renames detected as gate does (a moved file adds only its changed lines). With -z a
    # rename is "added<TAB>deleted<TAB>" then old and new path as separate fields.
    fields = iter(_git(repo, "diff", "--numstat", "-z", "-M", "HEAD~1", "HEAD").split("\0"))
    for field in fields:
        if not field:
            continue
        added, _deleted, path = field.split("\t", 2)
        if not path:
            next(fields)  # old path
            path = next(fields)
        if added != "-":
            counts[path] = int(added)
    return counts


def is_test_path(path: str) -> bool:
    parts = PurePosixPath(path).parts
    name = parts[-1]
    return (
        any(p in ("tests", "test", "__tests__", "testing") or p.endswith("_tests") for p in parts)
        or name.startswith("test_")
        or fnmatch.fnmatch(name, "*_test.py")
        or fnmatch.fnmatch(name, "*.test.[jt]s*")
        or fnmatch.fnmatch(name, "*.spec.[jt]s*")
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Hit:
    package: str
    rule: str
    pack: str
    severity: str
    sources: str
    path: str
    line: int
    language: str
    test: bool
    snippet: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Result:
    pair: Pair
    lines: dict[str, int]  # path -> added lines
    hits: tuple[Hit, ...]  # active findings
    hidden: int  # findings not active (outside the diff, suppressed, ...)
    verdict: str
    scanner_errors: tuple[str, ...]


def measure(pair: Pair) -> Result:
    repo = build_repo(pair)
    report = run_gate(pair, repo)
    findings = report["findings"]
    assert isinstance(findings, list)
    hits = tuple(
        Hit(
            package=pair.name,
            rule=f["rule_id"],
            pack=f["pack"] or "-",
            severity=f["severity"],
            sources="+".join(f["sources"]),
            path=f["path"],
            line=f["start_line"],
            language=detect_language(f["path"]),
            test=is_test_path(f["path"]),
            snippet=f["snippet"],
        )
        for f in findings
        if f["status"] == "active"
    )
    scanners = report["scanners"]
    assert isinstance(scanners, list)
    return Result(
        pair=pair,
        lines=added_lines(repo),
        hits=hits,
        hidden=len(findings) - len(hits),
        verdict=str(report["verdict"]),
        scanner_errors=tuple(f"{s['name']}: {s['error']}" for s in scanners if s["error"]),
    )


# --- report -------------------------------------------------------------------------------


def _rate(count: int, lines: int) -> str:
    return f"{1000 * count / lines:.2f}" if lines else "-"


def _bands(hits: Sequence[Hit]) -> tuple[int, int]:
    warn = sum(h.severity in WARN_BAND for h in hits)
    return warn, len(hits) - warn


def summarize(results: Sequence[Result]) -> str:
    out: list[str] = []
    total = sum(sum(r.lines.values()) for r in results)
    hits = [h for r in results for h in r.hits]
    code_lines = sum(
        n
        for r in results
        for p, n in r.lines.items()
        if detect_language(p) in ("python", "javascript", "typescript", "go", "java")
    )
    warn, quiet = _bands(hits)
    out.append(
        f"added lines: {total:,} (code: {code_lines:,}); active findings medium+: {warn} "
        f"= {_rate(warn, total)} per 1,000 added lines ({_rate(warn, code_lines)} per 1,000 "
        f"code lines); low/info: {quiet} = {_rate(quiet, total)} per 1,000"
    )
    out.append("")
    out.append("| package | versions | added lines | medium+ | low/info | per 1k (medium+) |")
    out.append("|---|---|---:|---:|---:|---:|")
    for r in results:
        lines = sum(r.lines.values())
        w, q = _bands(r.hits)
        versions = f"{r.pair.old} -> {r.pair.new}"
        out.append(f"| {r.pair.name} | {versions} | {lines:,} | {w} | {q} | {_rate(w, lines)} |")
    out.append("")
    by_language: dict[str, int] = collections.Counter()
    for r in results:
        for path, n in r.lines.items():
            by_language[detect_language(path)] += n
    out.append("| language | added lines | medium+ | low/info | per 1k (medium+) |")
    out.append("|---|---:|---:|---:|---:|")
    for language, lines in sorted(by_language.items(), key=lambda kv: -kv[1]):
        w, q = _bands([h for h in hits if h.language == language])
        out.append(f"| {language} | {lines:,} | {w} | {q} | {_rate(w, lines)} |")
    test_lines = sum(n for r in results for p, n in r.lines.items() if is_test_path(p))
    w, q = _bands([h for h in hits if h.test])
    out.append(f"| (of which test code) | {test_lines:,} | {w} | {q} | {_rate(w, test_lines)} |")
    out.append("")
    per_rule = collections.Counter((h.pack, h.rule, h.severity) for h in hits)
    if per_rule:
        out.append("| pack | rule | severity | active findings |")
        out.append("|---|---|---|---:|")
        for (pack, rule, severity), n in sorted(per_rule.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(f"| {pack} | {rule} | {severity} | {n} |")
    errors = [e for r in results for e in r.scanner_errors]
    if errors:
        out.append("")
        out.extend(f"scanner error: {e}" for e in errors)
    return "\n".join(out)


def listing(results: Sequence[Result]) -> str:
    out: list[str] = []
    for r in results:
        for h in sorted(r.hits, key=lambda h: (h.path, h.line, h.rule)):
            test = " [test]" if h.test else ""
            out.append(
                f"{h.severity.upper():8} {h.rule} ({h.sources}){test}\n"
                f"    {r.pair.slug}/{h.path}:{h.line}"
            )
            out.extend(f"    | {line}" for line in h.snippet.splitlines()[:6])
    return "\n".join(out) + "\n"


# --- recall evidence ----------------------------------------------------------------------

_ANNOTATION = re.compile(r"(?:#|//|<!--|--)\s*(ruleid|ok):\s*([\w.\-]+(?:\s*,\s*[\w.\-]+)*)")


def recall_evidence(policies: Path = HERE.parent / "policies") -> str:
    """Per pack: rules, and the positive/negative test cases that pin them down.

    Semgrep rules: `ruleid:` / `ok:` annotations in the test files beside each rule file.
    Native rules: the POSITIVES/NEGATIVES tables of tests/scanners (heuristics, secrets).
    """
    sys.path.insert(0, str(HERE.parent))
    from tests.scanners import test_heuristics, test_heuristics_negatives, test_secrets

    native_pos: collections.Counter[str] = collections.Counter(
        [rule for _id, _src, rule, _needle in test_heuristics.POSITIVES]
        + [rule for rule, _path, _line, _secret in test_secrets.POSITIVES]
    )
    native_neg: collections.Counter[str] = collections.Counter(
        rule for _id, _src, rule in test_heuristics_negatives.NEGATIVES
    )
    secrets_negatives = len(test_secrets.NEGATIVES)  # each must stay quiet for every rule
    out = [
        "| pack | semgrep rules | their ruleid: cases | ok: cases | native rules | "
        "native positive cases | native negative cases | rules without a positive |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for pack in sorted(p for p in policies.iterdir() if (p / "pack.yml").is_file()):
        rule_ids: list[str] = []
        positives: collections.Counter[str] = collections.Counter()
        negatives = 0
        for rule_file in (
            sorted((pack / "rules").glob("*.y*ml")) if (pack / "rules").is_dir() else []
        ):
            document = yaml.safe_load(rule_file.read_text(encoding="utf-8"))
            rule_ids.extend(str(r["id"]) for r in document["rules"])
            for case in rule_file.parent.glob(rule_file.stem + ".*"):
                if case.suffix in (".yml", ".yaml"):
                    continue
                for kind, ids in _ANNOTATION.findall(case.read_text(encoding="utf-8")):
                    for rule_id in (i.strip() for i in ids.split(",")):
                        if kind == "ruleid":
                            positives[rule_id] += 1
                        else:
                            negatives += 1
        native: list[str] = []
        if (pack / "native.yml").is_file():
            document = yaml.safe_load((pack / "native.yml").read_text(encoding="utf-8"))
            native = [str(r["id"]) for r in document["rules"]]
        n_pos = sum(native_pos[r] for r in native)
        n_neg = sum(native_neg[r] for r in native)
        if pack.name == "secrets":
            n_neg += secrets_negatives
        missing = [r for r in rule_ids if not positives[r]] + [
            r for r in native if not native_pos[r]
        ]
        out.append(
            f"| {pack.name} | {len(rule_ids)} | {sum(positives[r] for r in rule_ids)} | "
            f"{negatives} | {len(native)} | {n_pos} | {n_neg} | {', '.join(missing) or '-'} |"
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("packages", nargs="*", help="names from the corpus (default: all)")
    parser.add_argument("--jobs", type=int, default=1, help="packages measured in parallel")
    parser.add_argument("--recall", action="store_true", help="print the rule/test-case table")
    args = parser.parse_args(argv)
    if args.recall:
        print(recall_evidence())
        return 0
    pairs = [p for p in CORPUS if not args.packages or p.name in args.packages]
    if not pairs:
        parser.error(f"no such package in the corpus: {' '.join(args.packages)}")
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(measure, pairs))
    summary = summarize(results)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "summary.md").write_text(summary + "\n")
    (OUT / "findings.txt").write_text(listing(results))
    print(summary)
    print(f"\nevery active finding: {OUT / 'findings.txt'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
