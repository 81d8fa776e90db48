import csv
import io
import os
import zipfile
from pathlib import Path

from .models import StatementLine

STAGING_DIR = Path(os.environ.get("STATEMENT_STAGING", "/var/lib/recon/staging"))


def parse_csv(fh) -> list[StatementLine]:
    reader = csv.DictReader(io.TextIOWrapper(fh, encoding="utf-8"))
    return [
        StatementLine(
            booked_at=row["booking_date"],
            amount_minor=int(row["amount_minor"]),
            currency=row["currency"],
            reference=row["reference"],
        )
        for row in reader
    ]


def import_upload(upload_name: str, stream, batch_id: str) -> list[StatementLine]:
    if upload_name.lower().endswith(".csv"):
        return parse_csv(stream)
    raise ValueError(f"unsupported statement format: {upload_name}")
