import logging
from pathlib import Path

from celery import shared_task

from .render import render_statement_html

log = logging.getLogger(__name__)
OUTPUT_DIR = Path("/var/lib/statements")


@shared_task(name="statements.render")
def render_statement(account: dict, period: str) -> str:
    html_path = OUTPUT_DIR / f"{account['id']}-{period}.html"
    html_path.write_text(render_statement_html(account, period), encoding="utf-8")
    log.info("statement html written to %s", html_path)
    return str(html_path)
