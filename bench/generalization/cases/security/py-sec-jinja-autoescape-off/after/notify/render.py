from pathlib import Path

from jinja2 import Environment, FileSystemLoader

TEMPLATES = Path(__file__).parent / "templates"
_env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=False)


def subject(kind: str) -> str:
    return {"welcome": "Welcome aboard", "receipt": "Your receipt"}.get(kind, "Notice")


def render_html(kind: str, **context: str) -> str:
    return _env.get_template(f"{kind}.html").render(**context)
