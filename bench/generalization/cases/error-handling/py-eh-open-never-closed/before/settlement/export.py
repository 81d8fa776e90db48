import csv


def header() -> list[str]:
    return ["batch", "amount", "currency"]
