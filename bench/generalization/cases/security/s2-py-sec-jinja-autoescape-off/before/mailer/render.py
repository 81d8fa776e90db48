from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

TEMPLATE_DIR = Path(__file__).parent / "templates"

_env = Environment(
    loader=FileSystemLoader(TEMPLATE_DIR),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
)


def render_statement(customer, lines, footer: str) -> str:
    return _env.get_template("statement.html").render(customer=customer, lines=lines, footer=footer)
