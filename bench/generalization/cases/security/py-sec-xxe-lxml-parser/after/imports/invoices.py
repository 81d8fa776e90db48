from dataclasses import dataclass

from lxml import etree


@dataclass
class Invoice:
    number: str
    total: str


def parse_invoices(body: bytes) -> list[Invoice]:
    parser = etree.XMLParser(resolve_entities=True, no_network=False)
    root = etree.fromstring(body, parser)
    return [
        Invoice(node.findtext("number", ""), node.findtext("total", "0"))
        for node in root.iter("invoice")
    ]
