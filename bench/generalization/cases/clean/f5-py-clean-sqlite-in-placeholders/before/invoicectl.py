"""invoicectl: bookkeeping helpers for the billing database."""
import argparse
import sqlite3
import sys


def open_db(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    return conn


def show(conn: sqlite3.Connection, invoice_id: int) -> None:
    row = conn.execute("SELECT id, customer, total_cents, status FROM invoices WHERE id = ?",
                       (invoice_id,)).fetchone()
    print(dict(row) if row else "not found")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="invoicectl")
    ap.add_argument("--db", default="billing.sqlite3")
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("show")
    s.add_argument("invoice_id", type=int)
    args = ap.parse_args(argv)
    with open_db(args.db) as conn:
        show(conn, args.invoice_id)
    return 0


if __name__ == "__main__":
    sys.exit(main())
