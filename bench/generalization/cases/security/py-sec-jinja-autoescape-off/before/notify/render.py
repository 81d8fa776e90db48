from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"


def subject(kind: str) -> str:
    return {"welcome": "Welcome aboard", "receipt": "Your receipt"}.get(kind, "Notice")
