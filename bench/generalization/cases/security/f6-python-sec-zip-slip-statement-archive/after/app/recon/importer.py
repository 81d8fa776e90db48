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


def _unpack(archive: zipfile.ZipFile, batch_id: str) -> list[Path]:
    target_dir = STAGING_DIR / batch_id
    target_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for member in archive.infolist():
        if member.is_dir() or not member.filename.lower().endswith(".csv"):
            continue
        out_path = os.path.join(target_dir, member.filename)
        os.makedirs(os.path.dirname(out_path), exist_ok=True)
        with archive.open(member) as src, open(out_path, "wb") as dst:
            dst.write(src.read())
        written.append(Path(out_path))
    return written


def import_upload(upload_name: str, stream, batch_id: str) -> list[StatementLine]:
    if upload_name.lower().endswith(".csv"):
        return parse_csv(stream)
    if upload_name.lower().endswith(".zip"):
        lines = []
        with zipfile.ZipFile(stream) as archive:
            for path in _unpack(archive, batch_id):
                with open(path, "rb") as fh:
                    lines.extend(parse_csv(fh))
        return lines
    raise ValueError(f"unsupported statement format: {upload_name}")
