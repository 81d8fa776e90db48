from dataclasses import dataclass


@dataclass
class ExportRecord:
    id: int
    merchant_id: int
    stored_name: str


_EXPORTS = {1: ExportRecord(1, 7, "7/settlements-2024-05.csv")}


def export_record(export_id, merchant_id):
    rec = _EXPORTS.get(export_id)
    return rec if rec and rec.merchant_id == merchant_id else None
