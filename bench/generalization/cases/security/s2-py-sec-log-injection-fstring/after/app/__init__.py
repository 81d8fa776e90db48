from flask import Flask


def create_app() -> Flask:
    app = Flask(__name__)
    from . import health, coupons

    app.register_blueprint(health.bp)
    app.register_blueprint(coupons.bp)
    return app
