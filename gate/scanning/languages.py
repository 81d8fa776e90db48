"""File name -> language, the vocabulary every scanner uses to pick its files."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

_BY_SUFFIX = {
    ".py": "python",
    ".pyi": "python",
    ".pyw": "python",
    ".js": "javascript",
    ".jsx": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".ts": "typescript",
    ".tsx": "typescript",
    ".mts": "typescript",
    ".cts": "typescript",
    ".java": "java",
    ".go": "go",
    ".rb": "ruby",
    ".php": "php",
    ".cs": "csharp",
    ".kt": "kotlin",
    ".scala": "scala",
    ".rs": "rust",
    ".c": "c",
    ".h": "c",
    ".cpp": "cpp",
    ".sql": "sql",
    ".yml": "yaml",
    ".yaml": "yaml",
    ".json": "json",
    ".tf": "terraform",
    ".hcl": "terraform",
    ".sh": "bash",
    ".bash": "bash",
    ".html": "html",
    ".htm": "html",
    ".jinja": "html",
    ".j2": "html",
    ".xml": "xml",
    ".toml": "toml",
    ".ini": "ini",
    ".cfg": "ini",
    ".env": "dotenv",
    ".properties": "ini",
    ".md": "markdown",
    ".rst": "text",
    ".txt": "text",
    ".pem": "pem",
    ".key": "pem",
}
_BY_NAME = {
    "dockerfile": "dockerfile",
    "containerfile": "dockerfile",
    ".env": "dotenv",
    "codeowners": "text",
    "makefile": "make",
    "jenkinsfile": "groovy",
}

# Languages whose files are documentation or tests for the purpose of risk tiers.
DOC_LANGUAGES = frozenset({"markdown", "text"})


_SHEBANGS = {
    "python": "python",
    "node": "javascript",
    "deno": "typescript",
    "sh": "bash",
    "bash": "bash",
    "dash": "bash",
    "zsh": "bash",
    "ruby": "ruby",
    "php": "php",
}
# Programming languages: a changed file in one of these with no real rules is reported
# as "not analysed (no rules for ...)" rather than counted as analysed.
CODE_LANGUAGES = frozenset(
    {"python", "javascript", "typescript", "java", "go", "ruby", "php", "csharp"}
    | {"kotlin", "scala", "rust", "c", "cpp", "bash", "groovy"}
)
_NAMES = {
    "javascript": "JavaScript",
    "typescript": "TypeScript",
    "php": "PHP",
    "csharp": "C#",
    "cpp": "C++",
    "c": "C",
    "go": "Go",
}


def language_name(language: str) -> str:
    """ "ruby" -> "Ruby", for sentences."""
    return _NAMES.get(language, language.capitalize())


def detect_language(path: str, head: bytes = b"") -> str:
    """Best-effort language of a repo-relative path and (optionally) its first bytes:
    the name first (trailing whitespace ignored, as the OS would not show it), then a
    `#!` line, so an extensionless script is still seen; 'unknown' when nothing matches."""
    name = PurePosixPath(path).name.rstrip().lower()
    if name in _BY_NAME:
        return _BY_NAME[name]
    if name.startswith(".env.") or name.endswith(".env"):
        return "dotenv"
    if name.startswith("dockerfile."):
        return "dockerfile"
    found = _BY_SUFFIX.get(PurePosixPath(name).suffix, "unknown")
    if found == "unknown" and head.startswith(b"#!"):
        return _from_shebang(head)
    return found


def _from_shebang(head: bytes) -> str:
    words = head[2:].split(b"\n", 1)[0].decode("utf-8", "replace").split()
    if not words:
        return "unknown"
    program = PurePosixPath(words[0]).name
    if program == "env":
        program = next((w for w in words[1:] if not w.startswith("-") and "=" not in w), "")
    program = re.sub(r"[0-9.]+$", "", program)
    return _SHEBANGS.get(program, "unknown")
