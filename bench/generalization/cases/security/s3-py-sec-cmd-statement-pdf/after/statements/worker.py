import logging
import subprocess
from pathlib import Path

from celery import shared_task

from .render import render_statement_html

log = logging.getLogger(__name__)
OUTPUT_DIR = Path("/var/lib/statements")


@shared_task(name="statements.render")
def render_statement(account: dict, period: str) -> str:
    html_path = OUTPUT_DIR / f"{account['id']}-{period}.html"
    html_path.write_text(render_statement_html(account, period), encoding="utf-8")
    pdf_name = f"{account['holder_name']}-{period}.pdf"
    cmd = f"wkhtmltopdf --quiet {html_path} '{OUTPUT_DIR / pdf_name}'"
    subprocess.run(cmd, shell=True, check=True)
    log.info("statement pdf written: %s", pdf_name)
    return str(OUTPUT_DIR / pdf_name)
