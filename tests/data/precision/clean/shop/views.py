"""Views that read request data into dicts and render the framework's own templates."""

from django.db import connection
from django.shortcuts import render


def order_summary(request):
    options = {"page": "1", "sort": "date"}
    page = options.get(request.GET.get("field", "page"))
    filters = request.GET.dict()
    status = filters.get("status", "open")
    return render(request, "shop/summary.html", {"page": page, "status": status})


def order_count(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM orders WHERE status = %s", [request.GET["status"]])
        (count,) = cursor.fetchone()
    return render(request, "shop/count.html", {"count": count})


def describe_query(table: str) -> str:
    query = f"SELECT * FROM {table}"
    return query.lower()
