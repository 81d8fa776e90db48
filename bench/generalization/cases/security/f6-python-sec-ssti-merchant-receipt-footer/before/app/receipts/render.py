from jinja2 import Environment, PackageLoader, select_autoescape

env = Environment(
    loader=PackageLoader("app", "templates"),
    autoescape=select_autoescape(["html"]),
)


class ReceiptRenderer:
    def __init__(self, environment: Environment = env):
        self.env = environment

    def render(self, receipt, merchant) -> str:
        tpl = self.env.get_template("receipt.html")
        return tpl.render(receipt=receipt, merchant=merchant)
