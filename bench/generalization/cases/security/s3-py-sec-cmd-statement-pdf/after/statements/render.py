from jinja2 import Environment, PackageLoader, select_autoescape

env = Environment(loader=PackageLoader("statements"), autoescape=select_autoescape())


def render_statement_html(account: dict, period: str) -> str:
    return env.get_template("statement.html").render(account=account, period=period)
