import csv
from datetime import date
from pathlib import Path

FIELDS = ["txn_id", "merchant", "amount", "currency", "pan"]


def export_day(txns, day: date, outdir: Path) -> Path:
    path = outdir / f"recon-{day.isoformat()}.csv"
    with path.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS)
        writer.writeheader()
        for t in txns:
            row = {
                "txn_id": t.id,
                "merchant": t.merchant_id,
                "amount": f"{t.amount_cents / 100:.2f}",
                "currency": t.currency,
                "pan": t.card.number,
            }
            writer.writerow(row)
    return path
