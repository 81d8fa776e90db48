_RECEIPTS: dict[str, dict] = {}


def find_receipt(reference: str):
    return _RECEIPTS.get(reference)
