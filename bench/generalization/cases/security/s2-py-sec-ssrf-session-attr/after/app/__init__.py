from flask import Flask


def create_app() -> Flask:
    app = Flask(__name__)
    from . import health, previews

    app.register_blueprint(health.bp)
    app.register_blueprint(previews.bp)
    return app
