from flask import Flask


def create_app() -> Flask:
    app = Flask(__name__)
    from . import health

    app.register_blueprint(health.bp)
    return app
