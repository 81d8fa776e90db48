"""File name -> language, the vocabulary every scanner uses to pick its files."""

from __future__ import annotations

from pathlib import PurePosixPath

_BY_SUFFIX = {
    ".py": "python",
    ".pyi": "python",
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


def detect_language(path: str) -> str:
    """Best-effort language of a repo-relative path; 'unknown' when nothing matches."""
    name = PurePosixPath(path).name.lower()
    if name in _BY_NAME:
        return _BY_NAME[name]
    if name.startswith(".env.") or name.endswith(".env"):
        return "dotenv"
    if name.startswith("dockerfile."):
        return "dockerfile"
    return _BY_SUFFIX.get(PurePosixPath(name).suffix, "unknown")
