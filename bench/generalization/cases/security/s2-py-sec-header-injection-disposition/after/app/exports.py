import csv
import io

from flask import Blueprint, Response, request

from .ledger import recent_entries

bp = Blueprint("exports", __name__)


@bp.get("/exports/ledger.csv")
def ledger_csv():
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["date", "description", "amount"])
    for entry in recent_entries():
        writer.writerow([entry.date.isoformat(), entry.description, entry.amount])
    label = request.args.get("label", "ledger")
    resp = Response(buf.getvalue(), mimetype="text/csv")
    resp.headers["Content-Disposition"] = f"attachment; filename={label}.csv"
    return resp
