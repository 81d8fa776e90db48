"""Tier 0 for formatting-only changes: real git repositories, the base and head versions
of each file compared as code tokens (comments and layout aside), in Python,
JavaScript/TypeScript, Go and Java; and the one-token change a reformat can hide."""

from __future__ import annotations

import pytest

from gate.change.diff import resolve_change
from gate.decision.tier import assess_risk
from gate.decision.tier_format import code_tokens
from gate.policy.config import Config
from gate.report import Risk, Verdict
from gate.runner import RunOptions, run_gate
from tests.conftest import GitRepo

DEFAULTS = Config(source="defaults")

PY_BASE = '''\
"""Refunds."""
import requests


def refund(order, amount, session):
  """Refund part of an order."""
  if amount <= 0:
    raise ValueError("amount must be positive")
  payload = {"order": order.id, "amount": amount, "currency": order.currency}
  return session.post("https://api.example.com/refunds", json=payload, timeout=10, verify=True)
'''
PY_REFORMATTED = '''\
"""Refunds."""

import requests


def refund(order, amount, session):
    """Refund part of an order (partial refunds allowed)."""
    # Zero or negative amounts are a caller bug.
    if amount <= 0:
        raise ValueError('amount must be positive')

    payload = {
        "order": order.id,
        "amount": amount,
        "currency": order.currency,
    }
    return session.post(
        "https://api.example.com/refunds",
        json=payload,
        timeout=10,
        verify=True,
    )
'''
JS_BASE = """\
export function total(items, tax) {
  const sum = items.reduce((acc, item) => acc + item.price * item.qty, 0);
  if (sum > 1000) { return applyDiscount(sum, 0.05) + tax }
  return sum + tax;
}
"""
JS_REFORMATTED = """\
/**
 * Order total with tax.
 */
export function total(items, tax) {
    const sum = items.reduce(
        (acc, item) => acc + item.price * item.qty,
        0,
    );
    // big baskets get a discount
    if (sum > 1000) {
        return applyDiscount(sum, 0.05) + tax
    }
    return sum + tax;
}
"""
TS_BASE = """\
export interface Charge { amount: number; currency: string }
export const isLarge = (c: Charge): boolean => c.amount > 10_000 && c.currency === "EUR";
"""
TS_REFORMATTED = """\
export interface Charge {
  amount: number; // minor units
  currency: string
}

export const isLarge = (c: Charge): boolean =>
  c.amount > 10_000 &&
  c.currency === 'EUR';
"""
GO_BASE = """\
package ledger

import "errors"

func Post(balance int64, amount int64) (int64, error) {
	if amount <= 0 { return balance, errors.New("amount must be positive") }
	return balance + amount, nil
}
"""
GO_REFORMATTED = """\
package ledger

import "errors"

// Post adds a positive amount to a balance.
func Post(balance int64, amount int64) (int64, error) {
	if amount <= 0 {
		return balance, errors.New("amount must be positive")
	}

	return balance + amount, nil
}
"""
JAVA_BASE = """\
package shop;

public class Limits {
    static boolean allowed(long amount, long limit) { return amount >= 0 && amount <= limit; }
}
"""
JAVA_REFORMATTED = """\
package shop;

/** Spending limits. */
public class Limits
{
    // inclusive on both ends
    static boolean allowed(long amount,
                           long limit)
    {
        return amount >= 0
            && amount <= limit;
    }
}
"""

FORMATTING_ONLY = {
    "python": ("shop/refunds.py", PY_BASE, PY_REFORMATTED),
    "javascript": ("web/src/total.js", JS_BASE, JS_REFORMATTED),
    "typescript": ("web/src/charge.ts", TS_BASE, TS_REFORMATTED),
    "go": ("ledger/post.go", GO_BASE, GO_REFORMATTED),
    "java": ("src/main/java/shop/Limits.java", JAVA_BASE, JAVA_REFORMATTED),
}

# The same reformat with one token changed somewhere inside it.
_EDITS = {
    "python-verify": ("python", "verify=True", "verify=False"),
    "python-string": ("python", "/refunds", "/refund s"),
    "javascript-operator": ("javascript", "sum > 1000", "sum >= 1000"),
    "typescript-literal": ("typescript", "10_000", "100_000"),
    "go-comparison": ("go", "amount <= 0", "amount < 0"),
    "java-operator": ("java", "&& amount", "|| amount"),
}
HIDDEN_CHANGE = {
    case: (
        FORMATTING_ONLY[lang][0],
        FORMATTING_ONLY[lang][1],
        FORMATTING_ONLY[lang][2].replace(old, new, 1),
    )
    for case, (lang, old, new) in _EDITS.items()
}


def _pr(repo: GitRepo, base: dict[str, str], head: dict[str, str]) -> Risk:
    for path, text in base.items():
        repo.write(path, text)
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "feature")
    for path, text in head.items():
        repo.write(path, text)
    repo.commit("feature")
    return assess_risk(resolve_change(repo.path, base="main"), (), DEFAULTS)


def _signals(risk: Risk) -> dict[str, int]:
    return {s.signal: s.tier for s in risk.signals}


@pytest.mark.parametrize("language", sorted(FORMATTING_ONLY))
def test_reformatted_file_is_tier_0_with_the_formatting_only_reason(
    repo: GitRepo, language: str
) -> None:
    path, before, after = FORMATTING_ONLY[language]
    risk = _pr(repo, {path: before}, {path: after})
    assert risk.tier == 0, risk.signals
    [signal] = [s for s in risk.signals if s.signal == "formatting-only"]
    assert signal.tier == 0
    assert signal.detail.startswith(f"formatting-only change (1 file): {path};")
    assert "path:code" not in _signals(risk) and "size" not in _signals(risk)


@pytest.mark.parametrize("case", sorted(HIDDEN_CHANGE))
def test_one_token_change_inside_a_reformat_is_a_code_change(repo: GitRepo, case: str) -> None:
    path, before, after = HIDDEN_CHANGE[case]
    assert after != FORMATTING_ONLY[_EDITS[case][0]][2]  # the edit is really there
    risk = _pr(repo, {path: before}, {path: after})
    assert "formatting-only" not in _signals(risk)
    assert _signals(risk).get("path:code", 0) >= 1 and risk.tier >= 1
    assert path in next(s.detail for s in risk.signals if s.signal == "path:code")


def test_reindenting_a_python_block_into_an_if_is_not_formatting(repo: GitRepo) -> None:
    before = (
        "def pay(user, amount):\n    if user.is_admin:\n        audit(user)\n    charge(amount)\n"
    )
    after = before.replace("\n    charge", "\n        charge")
    risk = _pr(repo, {"shop/pay.py": before}, {"shop/pay.py": after})
    assert "formatting-only" not in _signals(risk) and risk.tier >= 1


def test_reindenting_a_whole_python_file_keeps_its_blocks_and_is_formatting(
    repo: GitRepo,
) -> None:
    before = "def pay(user, amount):\n  if user.is_admin:\n    audit(user)\n  charge(amount)\n"
    after = (
        "def pay(user, amount):\n    if user.is_admin:\n        audit(user)\n    charge(amount)\n"
    )
    assert _pr(repo, {"shop/pay.py": before}, {"shop/pay.py": after}).tier == 0


def test_deleting_a_check_while_adding_a_comment_is_a_code_change(repo: GitRepo) -> None:
    before = "def refund(user, order):\n    require_owner(user, order)\n    order.refund()\n"
    after = "def refund(user, order):\n    # owners only (checked upstream)\n    order.refund()\n"
    risk = _pr(repo, {"shop/refund.py": before}, {"shop/refund.py": after})
    assert "formatting-only" not in _signals(risk) and risk.tier >= 1


def test_comment_only_and_blank_line_edits_are_tier_0(repo: GitRepo) -> None:
    base = {
        "app/views.py": "x = 1\n",
        "app/jobs.rb": "run_nightly\n",
        "app/Main.java": "class A {}\n",
    }
    head = {
        "app/views.py": "# Explain the refund flow.\n\nx = 1  # one\n",
        "app/jobs.rb": "# nightly\n\nrun_nightly\n",
        "app/Main.java": "/* A. */\nclass A {\n}\n",
    }
    risk = _pr(repo, base, head)
    assert risk.tier == 0, risk.signals
    assert "formatting-only change (3 files): app/Main.java, app/jobs.rb, app/views.py" in (
        risk.signals[-1].detail
    )


def test_docs_tests_and_formatting_together_stay_tier_0(repo: GitRepo) -> None:
    path, before, after = FORMATTING_ONLY["go"]
    risk = _pr(
        repo,
        {path: before, "docs/ledger.md": "# Ledger\n"},
        {
            path: after,
            "docs/ledger.md": "# Ledger\n\nPosting rules.\n",
            "ledger/post_test.go": "package ledger\n",
        },
    )
    assert risk.tier == 0 and "formatting-only" in _signals(risk)


def test_reformatting_payments_code_is_not_a_payments_change(repo: GitRepo) -> None:
    path = "src/payments/refunds.py"
    risk = _pr(repo, {path: PY_BASE}, {path: PY_REFORMATTED})
    assert risk.tier == 0 and "path:payments" not in _signals(risk)


def test_directive_comments_count_as_code(repo: GitRepo) -> None:
    before = "package ledger\n\nfunc F() {}\n"
    after = "//go:build linux\n\npackage ledger\n\nfunc F() {}\n"
    risk = _pr(repo, {"ledger/f.go": before}, {"ledger/f.go": after})
    assert "formatting-only" not in _signals(risk)
    suppress = "x = eval(data)  # gate: ignore[sec-eval] -- trusted\n"
    assert code_tokens("x = eval(data)\n", "python") != code_tokens(suppress, "python")


@pytest.mark.parametrize(
    ("language", "before", "after"),
    [
        ("js", "a++ + b", "a + ++b"),  # the same characters, other operators
        ("js", "return\nvalue", "return value"),  # automatic semicolon insertion
        ("js", "const x = a\n[1].map(f)", "const x = a; [1].map(f)"),
        ("js", "x = /a\\/\\/b/.test(s); y = 1", "x = /a\\/\\/b/.test(s); y = 2"),  # `//` in a regex
        ("js", "s = `total ${a + `x ${b}`} y`", "s = `total ${a + `x ${b}`}  y`"),
        ("python", "x = 'a  b'\n", "x = 'a b'\n"),
        ("python", "x = (a)\n", "x = (a,)\n"),  # a one-element tuple
        ("python", "s = '#'  # c\nx = 1\n", "s = '#'  # c\nx = 2\n"),
        ("go", "x := a\n-b\n", "x := a - b\n"),  # Go ends the statement at the line break
        ("java", 'String s = "a//b"; int x = 1;', 'String s = "a//b"; int x = 2;'),
    ],
)
def test_lexer_keeps_what_changes_meaning(language: str, before: str, after: str) -> None:
    old, new = code_tokens(before, language), code_tokens(after, language)
    assert old is not None and new is not None and old != new


@pytest.mark.parametrize(
    ("language", "before", "after"),
    [
        ("js", "foo(a,\n  b)", "foo(a, b)"),
        ("js", "x = a\n  .then(f)\n  .catch(g)", "x = a.then(f).catch(g)"),
        ("js", "const s = 'x'", 'const s = "x"'),
        ("python", "f(a,\n  b)\n", "f(a, b)\n"),
        ("python", "x = 1 + \\\n    2\n", "x = 1 + 2\n"),
        ("go", "func f() int { return 1 }\n", "func f() int {\n\treturn 1\n}\n"),
        ("go", "x := f(a,\n\tb)\n", "x := f(a, b)\n"),
        ("java", "int x=1;// c\n", "int x = 1;\n"),
    ],
)
def test_lexer_ignores_layout(language: str, before: str, after: str) -> None:
    assert code_tokens(before, language) == code_tokens(after, language)


def test_code_after_a_multiline_string_on_its_closing_line_is_one_statement() -> None:
    """`return \"\"\"..\"\"\" % (a, b)` at the end of a block used to crash the run
    (seen on a real braintree_python commit); it stays comparable both ways."""
    template = 'def f(a, b):\n    return """\n  <x>%s</x>\n    """ % (a,\n  b)\nY = 1\n'
    joined = 'def f(a, b):\n    return """\n  <x>%s</x>\n    """ % (a, b)\nY = 1\n'
    changed = 'def f(a, b):\n    return """\n  <x>%s</x>\n    """ % (b, a)\nY = 1\n'
    assert code_tokens(template, "python") == code_tokens(joined, "python")
    assert code_tokens(template, "python") != code_tokens(changed, "python")


def test_unterminated_string_is_never_formatting_only() -> None:
    assert code_tokens('x = "open\n', "python") is None
    assert code_tokens("/* open", "java") is None


def test_gate_run_on_a_reformat_reports_tier_0(repo: GitRepo) -> None:
    path, before, after = FORMATTING_ONLY["python"]
    repo.write(path, before)
    repo.commit("base")
    repo.write(path, after)
    repo.commit("black")
    report = run_gate(
        RunOptions(cwd=repo.path, base="HEAD~1", overrides={"cache": {"enabled": False}})
    )
    assert report.verdict is Verdict.PASS and report.risk.tier == 0
    assert "formatting-only change (1 file)" in report.risk.signals[0].detail
