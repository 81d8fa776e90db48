"""The house: rooms by stage, no import cycle, nothing outside the gate namespace.

Reads the package's imports with `ast` (every `import` and `from ... import`, including
the ones inside functions) and checks the module graph has no cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

ROOMS = ("change", "scanning", "policy", "decision", "evidence", "forges", "commands")
MAX_LINES = 360  # "about 350"
# One cohesive thing each, said in their docstrings.
LONG_ON_PURPOSE = frozenset({"gate/scanning/analyzers/exceptions.py", "gate/decision/tier.py"})


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for base, prefix in (
        (PROJECT_ROOT / "gate", "gate"),
        (PROJECT_ROOT / "reporters", "gate.reporters"),
    ):
        for path in base.rglob("*.py"):
            parts = path.relative_to(base).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join((prefix, *parts))] = path
    return found


def _imports(module: str, path: Path, known: set[str]) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names = [base] + [f"{base}.{alias.name}" for alias in node.names]
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != module:
                out.add(name)
    return out


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {m: _imports(m, p, known) for m, p in modules.items()}


def _parents(module: str) -> set[str]:
    parts = module.split(".")
    return {".".join(parts[:i]) for i in range(1, len(parts))}


def test_no_import_cycle_anywhere() -> None:
    graph = _graph()
    # A module importing its own package's __init__ is not a cycle worth naming.
    edges = {m: {d for d in deps if d not in _parents(m)} for m, deps in graph.items()}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(edges.get(node, ())):
            if state.get(dep) == 1:
                cycle = stack[stack.index(dep) :] + [dep]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if dep not in state:
                visit(dep)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)


def test_reporters_are_pure_formatters() -> None:
    graph = _graph()
    for module, deps in graph.items():
        if module.startswith("gate.reporters"):
            forbidden = {
                d for d in deps if d.startswith(("gate.forges", "gate.commands", "requests"))
            }
            assert not forbidden, (
                f"{module} imports {forbidden}: formatting stays apart from posting"
            )


def test_rooms_exist_and_the_runner_is_one_screen() -> None:
    for room in ROOMS:
        assert (PROJECT_ROOT / "gate" / room / "__init__.py").is_file(), room
    runner = PROJECT_ROOT / "gate" / "runner.py"
    assert len(runner.read_text(encoding="utf-8").splitlines()) <= 150


def test_modules_fit_in_a_head() -> None:
    too_long = []
    for path in [
        *(PROJECT_ROOT / "gate").rglob("*.py"),
        *(PROJECT_ROOT / "reporters").rglob("*.py"),
    ]:
        rel = path.relative_to(PROJECT_ROOT).as_posix()
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES and rel not in LONG_ON_PURPOSE:
            too_long.append(f"{rel}: {lines} lines")
    assert not too_long, too_long


def test_packaged_list_matches_the_tree() -> None:
    tomllib = pytest.importorskip("tomllib", reason="tomllib is Python 3.11+")
    config = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(p.parent.relative_to(PROJECT_ROOT).parts)
        for p in (PROJECT_ROOT / "gate").rglob("__init__.py")
    }
    assert on_disk | {"gate.reporters", "gate._policies"} == listed
