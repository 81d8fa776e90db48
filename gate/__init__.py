"""gate: a pre-review quality gate for pull requests."""

__version__ = "0.1.0"
