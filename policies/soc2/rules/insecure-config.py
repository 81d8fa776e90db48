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


# ruleid: soc2-cc7.1-insecure-config
app.run(debug=True)

if __name__ == "__main__":
    # ok: soc2-cc7.1-insecure-config
    app.run(debug=True)
    # ok: soc2-cc7.1-insecure-config
    app.run("localhost", 5000, debug=True, host="127.0.0.1")
    # ruleid: soc2-cc7.1-insecure-config
    app.run(host="0.0.0.0", port=8080, debug=True)
    # ok: soc2-cc7.1-insecure-config
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
