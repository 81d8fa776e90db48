import csv


def header() -> list[str]:
    return ["batch", "amount", "currency"]


def export(rows: list[dict], path: str) -> int:
    out = open(path, "w", newline="")
    writer = csv.DictWriter(out, fieldnames=header())
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return len(rows)
