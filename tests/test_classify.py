"""The sensitive-data dictionary: names, card numbers and the regexes rules are built from."""

from __future__ import annotations

import re

import pytest

from gate.policy.classify import (
    CLASS_NAMES,
    card_brand,
    class_regex,
    classify_name,
    expand_placeholders,
    is_test_pan,
    luhn_valid,
    normalize,
    parse_dictionary,
)


@pytest.mark.parametrize(
    ("identifier", "words"),
    [
        ("getCardNumber", ("card", "number")),
        ("card_number", ("card", "number")),
        ("CARD-NUMBER", ("card", "number")),
        ("order.cardNumber", ("order", "card", "number")),
        ("PANValue", ("pan", "value")),
        ("cvv2", ("cvv", "2")),
        ("card_last4", ("card", "last", "4")),
        ("setPin", ("pin",)),
        ("get", ("get",)),
    ],
)
def test_normalize_splits_case_separators_and_digits(
    identifier: str, words: tuple[str, ...]
) -> None:
    assert normalize(identifier) == words


@pytest.mark.parametrize(
    ("identifier", "expected"),
    [
        ("getCardNumber", {"PAN"}),
        ("card_number", {"PAN"}),
        ("CARD-NUMBER", {"PAN"}),
        ("pan", {"PAN"}),
        ("request.form['card_number']", {"PAN"}),
        ("order.card.number", {"PAN"}),
        ("card_account_number", {"PAN"}),
        ("creditCard", {"PAN"}),
        ("cvv", {"SAD"}),
        ("CVV2", {"SAD"}),
        ("card_cid", {"SAD"}),
        ("track2", {"SAD"}),
        ("user_pin", {"SAD"}),
        ("pinBlock", {"SAD"}),
        ("expiry_month", {"CHD"}),
        ("cardholderName", {"CHD"}),
        ("password", {"CRED"}),
        ("apiKey", {"CRED"}),
        ("SECRET_KEY", {"CRED"}),
        ("session_id", {"CRED"}),
        ("email", {"PII"}),
        ("first_name", {"PII"}),
        ("dateOfBirth", {"PII"}),
        ("ssn", {"PII"}),
    ],
)
def test_classify_name_finds_the_class(identifier: str, expected: set[str]) -> None:
    assert classify_name(identifier) == frozenset(expected)


@pytest.mark.parametrize(
    "identifier",
    [
        "card_last4",
        "masked_pan",
        "pan_token",
        "cardFingerprint",
        "encrypted_card_number",
        "card_bin",
        "card_brand",
        "spinner",
        "panel",
        "Japan",
        "company",
        "pin_code",
        "is_pinned",
        "cid",
        "account_number",
        "password_hash",
        "hashedPassword",
        "min_password_length",
        "token_type",
        "SESSION_COOKIE_SECURE",
        "secrets.token_hex",
        "",
    ],
)
def test_classify_name_respects_whole_words_and_exclusions(identifier: str) -> None:
    assert classify_name(identifier) == frozenset()


@pytest.mark.parametrize(
    "identifier",
    [
        "card_number",
        "cardNumber",
        "CardNumber",
        "CARD_NUMBER",
        "getCardNumber",
        "PANValue",
        "card_last4",
        "masked_pan",
        "pan_token",
        "spinner",
        "pin_code",
        "cvv2",
        "card_cid",
        "cid",
        "password",
        "password_hash",
        "apiKey",
        "email",
        "order.card.number",
        'data["cvv"]',
        "expiry_month",
        "Japan",
        "PANTS",
        "cardnumber",
        "account_number",
        "card_account_number",
        "user.first_name",
        "SECRET_KEY",
        "panel",
    ],
)
def test_class_regex_agrees_with_classify_name(identifier: str) -> None:
    by_regex = {name for name in CLASS_NAMES if re.match(class_regex(name), identifier)}
    assert by_regex == set(classify_name(identifier))


def test_class_regex_subset_narrows_the_fragments() -> None:
    password = class_regex("CRED", "password")
    assert re.match(password, "new_password")
    assert not re.match(password, "api_token")
    assert not re.match(password, "password_hash")
    with pytest.raises(ValueError, match="no subset"):
        class_regex("PAN", "password")
    with pytest.raises(ValueError, match="unknown data class"):
        class_regex("NOPE")


def test_expand_placeholders_recurses_and_leaves_other_text() -> None:
    rule = {
        "id": "x",
        "patterns": [{"metavariable-regex": {"metavariable": "$X", "regex": "{{class:PAN}}"}}],
        "tags": ("{{ class:SAD }}", 3),
        "message": "no placeholder here",
    }
    expanded = expand_placeholders(rule)
    regex = expanded["patterns"][-1]["metavariable-regex"]["regex"]  # [0] is the prefilter
    assert regex == class_regex("PAN")
    assert expanded["tags"] == (class_regex("SAD"), 3)
    assert expanded["message"] == "no placeholder here"
    assert rule["patterns"][0]["metavariable-regex"]["regex"] == "{{class:PAN}}"


def test_parse_dictionary_rejects_malformed_input() -> None:
    with pytest.raises(ValueError, match="classes"):
        parse_dictionary({"version": 1})
    with pytest.raises(ValueError, match="fragments"):
        parse_dictionary({"classes": {"PAN": {"fragments": "pan"}}})


@pytest.mark.parametrize(
    ("digits", "valid"),
    [
        ("4242424242424242", True),
        ("4242 4242 4242 4242", True),
        ("4242-4242-4242-4241", False),
        ("378282246310005", True),
        ("79927398713", True),
        ("79927398710", False),
        ("abc", False),
        ("", False),
    ],
)
def test_luhn_valid(digits: str, valid: bool) -> None:
    assert luhn_valid(digits) is valid


@pytest.mark.parametrize(
    ("digits", "brand"),
    [
        ("4111111111111111", "visa"),
        ("5555555555554444", "mastercard"),
        ("2223003122003222", "mastercard"),
        ("378282246310005", "amex"),
        ("6011111111111117", "discover"),
        ("6445644564456445", "discover"),
        ("3566002020360505", "jcb"),
        ("36227206271667", "diners"),
        ("30569309025904", "diners"),
        ("6200000000000005", "unionpay"),
        ("5018000000000009", "maestro"),
        ("1234567890123456", None),
        ("4111", None),
    ],
)
def test_card_brand_from_iin_prefix(digits: str, brand: str | None) -> None:
    assert card_brand(digits) == brand


def test_is_test_pan_knows_processor_test_numbers() -> None:
    assert is_test_pan("4111 1111 1111 1111")
    assert is_test_pan("4242424242424242")
    assert is_test_pan("5555-5555-5555-4444")
    assert is_test_pan("378282246310005")
    assert not is_test_pan("4539578763621486")


def test_prefilter_is_a_necessary_condition_of_the_class_regex() -> None:
    """The cheap condition inserted before each class regex must never reject a match."""
    import re as _re

    from gate.policy.classify import class_prefilter, class_regex, dictionary

    for name, data_class in dictionary().items():
        full = _re.compile(class_regex(name))
        cheap = _re.compile(class_prefilter(name))
        samples = []
        for fragment in data_class.fragments + data_class.weak:
            words = list(fragment)
            samples += [
                "_".join(words),
                "".join(w.title() for w in words),
                "user" + "".join(w.title() for w in words),
                "user." + "_".join(words).upper(),
                "my" + "_".join(words).upper(),
                "MY_" + "".join(words).upper() + "_VALUE",
                'data["' + "-".join(words) + '"]',
                "x2" + "".join(words),
                "get_" + ".".join(words) + "()",
            ]
        for sample in samples:
            if full.match(sample):
                assert cheap.match(sample), (name, sample)


def test_expanded_rules_carry_the_prefilter_before_the_class_regex() -> None:
    from gate.policy.classify import expand_placeholders

    patterns = expand_placeholders(
        [
            {"pattern": "$S"},
            {"metavariable-regex": {"metavariable": "$S", "regex": "{{class:SAD}}"}},
        ]
    )
    assert [list(p) for p in patterns] == [
        ["pattern"],
        ["metavariable-regex"],
        ["metavariable-regex"],
    ]
    assert patterns[1]["metavariable-regex"]["regex"].startswith("[\\s\\S]*?(?:")
    assert patterns[2]["metavariable-regex"]["regex"].startswith("^(?=")
