from jinja2 import Environment, PackageLoader, select_autoescape

env = Environment(
    loader=PackageLoader("app", "templates"),
    autoescape=select_autoescape(["html"]),
)

DEFAULT_FOOTER = "Thank you for shopping with {{ merchant_name }}. Order {{ order_id }}."


class ReceiptRenderer:
    def __init__(self, environment: Environment = env):
        self.env = environment

    def _footer(self, receipt, merchant) -> str:
        # merchants can customise the footer from the dashboard, with placeholders
        footer_src = merchant.settings.get("receipt_footer") or DEFAULT_FOOTER
        return self.env.from_string(footer_src).render(
            order_id=receipt.order_id,
            merchant_name=merchant.display_name,
        )

    def render(self, receipt, merchant) -> str:
        tpl = self.env.get_template("receipt.html")
        return tpl.render(receipt=receipt, merchant=merchant, footer=self._footer(receipt, merchant))
