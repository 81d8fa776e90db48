import os

# ruleid: soc2-cc7.1-insecure-config
DEBUG = True
# ok: soc2-cc7.1-insecure-config
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
# ruleid: soc2-cc7.1-insecure-config
SESSION_COOKIE_SECURE = False
# ok: soc2-cc7.1-insecure-config
SESSION_COOKIE_SECURE = True


def login_response(resp, session_id):
    # ruleid: soc2-cc7.1-insecure-config
    resp.set_cookie("sid", session_id, secure=False, httponly=True)
    # ok: soc2-cc7.1-insecure-config
    resp.set_cookie("sid", session_id, secure=True, httponly=True, samesite="Lax")
    return resp


if __name__ == "__main__":
    # ruleid: soc2-cc7.1-insecure-config
    app.run(debug=True)
    # ok: soc2-cc7.1-insecure-config
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
