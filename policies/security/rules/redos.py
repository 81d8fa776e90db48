import re

from flask import request

# ruleid: sec-redos-nested-quantifier
EMAIL = re.compile(r"^([\w.-]+)+@example\.com$")
# ok: sec-redos-nested-quantifier
HOST = re.compile(r"^[a-z0-9]+(?:\.[a-z0-9]+)*$")
# ok: sec-redos-nested-quantifier
SIGNED = re.compile(r"^([+-]?\d)$")


def words(text):
    # ruleid: sec-redos-nested-quantifier
    return re.findall(r"(\s*\w+\s*)*;", text)


def ids(text):
    # ok: sec-redos-nested-quantifier
    return re.findall(r"(\d+),", text)


def grep_view():
    needle = request.args.get("q", "")
    # ruleid: sec-redos-user-pattern
    return [l for l in open("log.txt") if re.search(needle, l)]


def compiled_view():
    # ruleid: sec-redos-user-pattern
    rx = re.compile(request.form["pattern"], re.I)
    return rx.pattern


def literal_view():
    needle = request.args.get("q", "")
    # ok: sec-redos-user-pattern
    return re.search(re.escape(needle), "haystack") is not None


def fixed_view():
    text = request.args.get("text", "")
    # ok: sec-redos-user-pattern
    return re.fullmatch(r"[a-z]{1,32}", text) is not None
