from flask import Flask


def create_app() -> Flask:
    app = Flask(__name__)
    from . import health, signup

    app.register_blueprint(health.bp)
    app.register_blueprint(signup.bp)
    return app
