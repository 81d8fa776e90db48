import csv
import io

import yaml

from .models import Payee


def import_csv(upload, owner) -> int:
    reader = csv.DictReader(io.TextIOWrapper(upload, encoding="utf-8"))
    count = 0
    for row in reader:
        Payee.objects.create(owner=owner, name=row["name"], iban=row["iban"])
        count += 1
    return count


def import_yaml(upload, owner) -> int:
    doc = yaml.load(upload.read(), Loader=yaml.Loader)
    for entry in doc.get("payees", []):
        Payee.objects.create(owner=owner, name=entry["name"], iban=entry["iban"])
    return len(doc.get("payees", []))
