"""redact(): every secret-looking value masked in any text gate prints, nothing else touched."""

from __future__ import annotations

import random
import string
import time

import pytest

from gate.scanning.redact import MAX_LINE, find_secrets, redact
from gate.scanning.values import MASK


def fake(alphabet: str, length: int, seed: int = 1) -> str:
    return "".join(random.Random(seed).choices(alphabet, k=length))


ALNUM = string.ascii_letters + string.digits
AWS_DOC_KEY = "AKIA" + "IOSFODNN7EXAMPLE"
GITHUB = "gh" + "s_" + fake(ALNUM, 36)


def test_bandit_b105_snippet_is_redacted() -> None:
    assert redact('password = "hunter2hunter2"') == f'password = "{MASK}"'


def test_aws_key_keeps_four_characters_each_side() -> None:
    # The documentation key is not *reported* by the scanner, but it is still masked.
    assert redact(f"aws_access_key_id={AWS_DOC_KEY}") == "aws_access_key_id=AKIA************MPLE"


def test_github_token_masked_in_the_middle_of_prose() -> None:
    text = f"curl -H 'Authorization: token {GITHUB}' https://api.github.com/user"
    result = redact(text)
    assert GITHUB not in result and GITHUB[8:-8] not in result
    assert result.startswith("curl -H 'Authorization: token ghs_")
    assert result.endswith("' https://api.github.com/user")


def test_url_password_masked_user_and_host_kept() -> None:
    assert (
        redact("engine = create_engine('postgresql://billing:Pq7xYz42Lm@db.prod:5432/ledger')")
        == f"engine = create_engine('postgresql://billing:{MASK}@db.prod:5432/ledger')"
    )


def test_pan_keeps_last_four_and_separators() -> None:
    assert redact("card 4111-1111-1111-1111 declined") == "card ****-****-****-1111 declined"


def test_track_data_fully_masked() -> None:
    result = redact("swipe = '%B4111111111111111^DOE/JOHN^2512101000000000000'")
    assert "4111111111111111" not in result and "DOE/JOHN" not in result


def test_multiline_private_key_body_removed() -> None:
    body = fake(ALNUM + "+/", 64)
    text = (
        "key = '''\n-----BEGIN " + "OPENSSH PRIVATE KEY-----\n"
        f"{body}\n{body[::-1]}\n-----END OPENSSH PRIVATE KEY-----\n'''\n"
    )
    result = redact(text)
    assert body not in result and body[::-1] not in result
    assert "-----BEGIN OPENSSH PRIVATE KEY-----\n[REDACTED]\n-----END" in result


def test_private_key_in_json_string_removed() -> None:
    body = fake(ALNUM, 48)
    text = (
        '{"private_key": "-----BEGIN '
        + f'PRIVATE KEY-----\\n{body}\\n-----END PRIVATE KEY-----\\n"}}'
    )
    assert body not in redact(text)


def test_truncated_key_block_is_removed_to_the_end() -> None:
    body = fake(ALNUM, 64)
    assert body not in redact("-----BEGIN " + f"EC PRIVATE KEY-----\n{body}\n")


@pytest.mark.parametrize(
    "text",
    [
        'password = os.environ["DB_PASSWORD"]',
        "token = get_token(request)",
        'if user.password_hash != expected_hash: raise AuthError("bad password")',
        'API_KEY = "${API_KEY}"',
        "cur.execute('SELECT * FROM users WHERE id = %s', (user_id,))",
        "https://example.com/path?page=2",
        "order_total = 1234.56",
        "shown = '411111******1111'",
        "",
    ],
)
def test_text_without_secrets_is_unchanged(text: str) -> None:
    assert redact(text) == text


def test_line_endings_are_kept() -> None:
    assert redact('a = 1\r\npassword = "hunter2hunter2"\r\n') == f'a = 1\r\npassword = "{MASK}"\r\n'


def test_overlong_line_is_replaced_not_inspected() -> None:
    line = "x" * (MAX_LINE + 1)
    assert (
        redact(f"ok\n{line}\n")
        == f"ok\n[REDACTED: line of {MAX_LINE + 1} characters not inspected]\n"
    )


def test_redaction_is_more_eager_than_detection() -> None:
    line = 'password = "hunter2hunter2"'
    assert find_secrets(line, strict=True) == ()
    assert [m.rule_id for m in find_secrets(line, strict=False)] == ["secret-generic-credential"]


@pytest.mark.parametrize(
    "hostile",
    [
        "a" * (MAX_LINE - 10) + "=",
        "1 " * (MAX_LINE // 2 - 1),
        "password" + "=" * (MAX_LINE - 10),
        "x://" + "a:" * (MAX_LINE // 2 - 4),
        "eyJ" + "a" * (MAX_LINE - 10) + ".",
        "%B" + "1" * 19 + "^" + "a" * (MAX_LINE - 30),
        "-----BEGIN PRIVATE KEY-----" + "A" * (MAX_LINE - 40),
        "k" * 70 + "_" * (MAX_LINE - 80),
    ],
)
def test_hostile_lines_are_linear_time(hostile: str) -> None:
    started = time.perf_counter()
    redact(hostile)
    find_secrets(hostile, strict=True)
    assert time.perf_counter() - started < 0.25
