from dataclasses import dataclass
from pathlib import Path


@dataclass
class InvoiceStore:
    root: Path

    def save(self, invoice_id: int, pdf: bytes) -> Path:
        target = self.root / f"invoice-{invoice_id}.pdf"
        target.write_bytes(pdf)
        return target

    def read(self, name: str) -> bytes:
        return (self.root / name).read_bytes()
