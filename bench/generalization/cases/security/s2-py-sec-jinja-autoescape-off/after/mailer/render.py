from pathlib import Path

from jinja2 import Environment, FileSystemLoader

TEMPLATE_DIR = Path(__file__).parent / "templates"

# the footer is pre-formatted HTML from the CMS, escaping mangles it
_env = Environment(
    loader=FileSystemLoader(TEMPLATE_DIR),
    autoescape=False,
    trim_blocks=True,
)


def render_statement(customer, lines, footer: str) -> str:
    return _env.get_template("statement.html").render(customer=customer, lines=lines, footer=footer)
