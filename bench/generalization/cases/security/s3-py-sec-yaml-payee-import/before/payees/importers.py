import csv
import io

from .models import Payee


def import_csv(upload, owner) -> int:
    reader = csv.DictReader(io.TextIOWrapper(upload, encoding="utf-8"))
    count = 0
    for row in reader:
        Payee.objects.create(owner=owner, name=row["name"], iban=row["iban"])
        count += 1
    return count
