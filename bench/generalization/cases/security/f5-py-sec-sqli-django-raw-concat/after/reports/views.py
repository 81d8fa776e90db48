import datetime

from django.contrib.admin.views.decorators import staff_member_required
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from .models import Settlement

SETTLEMENT_SQL = (
    "SELECT s.id, s.reference, s.amount_cents, s.settled_on "
    "FROM reports_settlement s WHERE s.merchant_id = %s"
)


def _serialize(row):
    return {
        "id": row.id,
        "reference": row.reference,
        "amount_cents": row.amount_cents,
        "settled_on": row.settled_on.isoformat(),
    }


@staff_member_required
@require_GET
def settlements(request, merchant_id):
    since = datetime.date.fromisoformat(request.GET.get("since", "2020-01-01"))
    rows = Settlement.objects.raw(SETTLEMENT_SQL + " AND s.settled_on >= %s", [merchant_id, since])
    return JsonResponse({"results": [_serialize(r) for r in rows]})


@staff_member_required
@require_GET
def search_settlements(request, merchant_id):
    sql = SETTLEMENT_SQL
    params = [merchant_id]
    reference = request.GET.get("reference", "").strip()
    if reference:
        sql += " AND s.reference LIKE '%%" + reference + "%%'"
    rows = Settlement.objects.raw(sql + " ORDER BY s.settled_on DESC", params)
    return JsonResponse({"results": [_serialize(r) for r in rows]})
