"""Choose the benchmark's commits mechanically and write commits.yaml.

Rule (no cherry-picking): for each project, walk `git log --no-merges` from the default
branch head of the stored history, and keep the first N commits that have one parent, a
non-bot author, 1-60 changed files, at least one changed source file (by extension), and
all their changed files present in the stored history.
The split is fixed by the sha: sha256(sha) even -> tuning, odd -> holdout.

A second project group (HOLDOUT2_PROJECTS), added after the first holdout's findings had been
discussed while rules were tuned, is a fresh holdout: all its commits get `split: holdout2`.
Once holdout2's findings had been used for tuning too, a third group (HOLDOUT3_PROJECTS,
`split: holdout3`) became the fresh holdout, chosen before any of its commits was scanned.
Each group's entries are appended to commits.yaml, so earlier entries stay as they were:

    python bench/precision/select_commits.py --per-repo 16 > bench/precision/commits.yaml
    python bench/precision/select_commits.py --group holdout2 --per-repo 11 \
        >> bench/precision/commits.yaml
    python bench/precision/select_commits.py --group holdout3 --per-repo 11 \
        >> bench/precision/commits.yaml
    python bench/precision/select_commits.py --group holdout4 --per-repo 11 \
        >> bench/precision/commits.yaml
    python bench/precision/select_commits.py --group holdout5 --per-repo 11 \
        >> bench/precision/commits.yaml
    python bench/precision/select_commits.py --group holdout6 --per-repo 11 \
        >> bench/precision/commits.yaml

Once holdout3 had been scanned and its false positives fixed, a fourth group
(HOLDOUT4_PROJECTS, `split: holdout4`) became the fresh holdout in the same way, and
after it a fifth (HOLDOUT5_PROJECTS, `split: holdout5`, session 6) and a sixth
(HOLDOUT6_PROJECTS, `split: holdout6`, session 8), a seventh (HOLDOUT7_PROJECTS,
`split: holdout7`, session 9) and an eighth (HOLDOUT8_PROJECTS, `split: holdout8`,
session 9, once holdout7 had been used for tuning), then a ninth (HOLDOUT9_PROJECTS,
`split: holdout9`, session 10, selected before any session 10 change).
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
from pathlib import Path

import yaml

# repo -> (language, domain). domain "payments-identity" = payment, banking, e-commerce
# or identity code; "general" = widely used general-purpose projects.
PROJECTS: dict[str, tuple[str, str]] = {
    "stripe/stripe-python": ("python", "payments-identity"),
    "Adyen/adyen-python-api-library": ("python", "payments-identity"),
    "braintree/braintree_python": ("python", "payments-identity"),
    "django-oscar/django-oscar": ("python", "payments-identity"),
    "authlib/authlib": ("python", "payments-identity"),
    "jazzband/django-oauth-toolkit": ("python", "payments-identity"),
    "psf/requests": ("python", "general"),
    "pallets/flask": ("python", "general"),
    "stripe/stripe-node": ("javascript", "payments-identity"),
    "braintree/braintree_node": ("javascript", "payments-identity"),
    "panva/node-oidc-provider": ("javascript", "payments-identity"),
    "expressjs/express": ("javascript", "general"),
    "stripe/stripe-go": ("go", "payments-identity"),
    "ory/fosite": ("go", "payments-identity"),
    "ory/hydra": ("go", "payments-identity"),
    "go-chi/chi": ("go", "general"),
    "Adyen/adyen-java-api-library": ("java", "payments-identity"),
    "braintree/braintree_java": ("java", "payments-identity"),
    "spring-projects/spring-authorization-server": ("java", "payments-identity"),
    "spring-projects/spring-petclinic": ("java", "general"),
}
# The fresh holdout: projects no rule was tuned on; every commit is `split: holdout2`.
HOLDOUT2_PROJECTS: dict[str, tuple[str, str]] = {
    "pennersr/django-allauth": ("python", "payments-identity"),
    "mollie/mollie-api-python": ("python", "payments-identity"),
    "python-social-auth/social-core": ("python", "payments-identity"),
    "encode/httpx": ("python", "general"),
    "Adyen/adyen-node-api-library": ("javascript", "payments-identity"),
    "nextauthjs/next-auth": ("javascript", "payments-identity"),
    "axios/axios": ("javascript", "general"),
    "moov-io/ach": ("go", "payments-identity"),
    "moov-io/iso8583": ("go", "payments-identity"),
    "dexidp/dex": ("go", "payments-identity"),
    "gin-gonic/gin": ("go", "general"),
    "apache/fineract": ("java", "payments-identity"),
    "killbill/killbill": ("java", "payments-identity"),
    "jhy/jsoup": ("java", "general"),
}
# The third fresh holdout (session 4): projects no rule has been run on or tuned on.
HOLDOUT3_PROJECTS: dict[str, tuple[str, str]] = {
    "saleor/saleor": ("python", "payments-identity"),
    "jpadilla/pyjwt": ("python", "payments-identity"),
    "oauthlib/oauthlib": ("python", "payments-identity"),
    "encode/starlette": ("python", "general"),
    "medusajs/medusa": ("javascript", "payments-identity"),
    "panva/jose": ("javascript", "payments-identity"),
    "fastify/fastify": ("javascript", "general"),
    "golang-jwt/jwt": ("go", "payments-identity"),
    "ory/kratos": ("go", "payments-identity"),
    "formancehq/ledger": ("go", "payments-identity"),
    "labstack/echo": ("go", "general"),
    "jwtk/jjwt": ("java", "payments-identity"),
    "apache/shiro": ("java", "payments-identity"),
    "square/retrofit": ("java", "general"),
}
# The fourth fresh holdout (session 5), chosen and selected before any rule change of that
# session and before any of its commits was scanned; scanned once, at the session's end.
HOLDOUT4_PROJECTS: dict[str, tuple[str, str]] = {
    "jazzband/djangorestframework-simplejwt": ("python", "payments-identity"),
    "IdentityPython/pysaml2": ("python", "payments-identity"),
    "razorpay/razorpay-python": ("python", "payments-identity"),
    "encode/django-rest-framework": ("python", "general"),
    "auth0/node-jsonwebtoken": ("javascript", "payments-identity"),
    "vendure-ecommerce/vendure": ("javascript", "payments-identity"),
    "supertokens/supertokens-node": ("javascript", "payments-identity"),
    "koajs/koa": ("javascript", "general"),
    "markbates/goth": ("go", "payments-identity"),
    "lestrrat-go/jwx": ("go", "payments-identity"),
    "casbin/casbin": ("go", "payments-identity"),
    "gorilla/mux": ("go", "general"),
    "auth0/java-jwt": ("java", "payments-identity"),
    "pac4j/pac4j": ("java", "payments-identity"),
    "BroadleafCommerce/BroadleafCommerce": ("java", "payments-identity"),
    "javalin/javalin": ("java", "general"),
}
# The fifth fresh holdout (session 6), chosen and selected before any rule change of that
# session and before any of its commits was scanned.
HOLDOUT5_PROJECTS: dict[str, tuple[str, str]] = {
    "dj-stripe/dj-stripe": ("python", "payments-identity"),
    "mpdavis/python-jose": ("python", "payments-identity"),
    "tiangolo/fastapi": ("python", "general"),
    "pydantic/pydantic": ("python", "general"),
    "jaredhanson/passport": ("javascript", "payments-identity"),
    "node-saml/passport-saml": ("javascript", "payments-identity"),
    "reactioncommerce/reaction": ("javascript", "payments-identity"),
    "hapijs/hapi": ("javascript", "general"),
    "coreos/go-oidc": ("go", "payments-identity"),
    "go-pay/gopay": ("go", "payments-identity"),
    "authelia/authelia": ("go", "payments-identity"),
    "gofiber/fiber": ("go", "general"),
    "spring-projects/spring-security": ("java", "payments-identity"),
    "paypal/PayPal-Java-SDK": ("java", "payments-identity"),
    "FusionAuth/fusionauth-jwt": ("java", "payments-identity"),
    "mybatis/mybatis-3": ("java", "general"),
}
# The sixth fresh holdout (session 8), chosen and selected before any rule change of that
# session and before any of its commits was scanned.
HOLDOUT6_PROJECTS: dict[str, tuple[str, str]] = {
    "spookylukey/django-paypal": ("python", "payments-identity"),
    "mozilla/mozilla-django-oidc": ("python", "payments-identity"),
    "encode/uvicorn": ("python", "general"),
    "aio-libs/aiohttp": ("python", "general"),
    "node-oauth/node-oauth2-server": ("javascript", "payments-identity"),
    "jasonraimondi/ts-oauth2-server": ("javascript", "payments-identity"),
    "auth0/express-openid-connect": ("javascript", "payments-identity"),
    "sindresorhus/got": ("javascript", "general"),
    "plutov/paypal": ("go", "payments-identity"),
    "RichardKnop/go-oauth2-server": ("go", "payments-identity"),
    "ory/oathkeeper": ("go", "payments-identity"),
    "spf13/cobra": ("go", "general"),
    "razorpay/razorpay-java": ("java", "payments-identity"),
    "scribejava/scribejava": ("java", "payments-identity"),
    "mitreid-connect/OpenID-Connect-Java-Spring-Server": ("java", "payments-identity"),
    "google/gson": ("java", "general"),
}
HOLDOUT7_PROJECTS: dict[str, tuple[str, str]] = {
    "gocardless/gocardless-pro-python": ("python", "payments-identity"),
    "maxcountryman/flask-login": ("python", "payments-identity"),
    "requests/requests-oauthlib": ("python", "payments-identity"),
    "pallets/werkzeug": ("python", "general"),
    "panva/openid-client": ("javascript", "payments-identity"),
    "auth0/node-auth0": ("javascript", "payments-identity"),
    "stripe/react-stripe-js": ("javascript", "payments-identity"),
    "expressjs/multer": ("javascript", "general"),
    "Adyen/adyen-go-api-library": ("go", "payments-identity"),
    "go-jose/go-jose": ("go", "payments-identity"),
    "zitadel/oidc": ("go", "payments-identity"),
    "go-resty/resty": ("go", "general"),
    "googleapis/google-oauth-java-client": ("java", "payments-identity"),
    "openid/AppAuth-Android": ("java", "payments-identity"),
    "spring-projects/spring-session": ("java", "payments-identity"),
    "FasterXML/jackson-core": ("java", "general"),
}
HOLDOUT8_PROJECTS: dict[str, tuple[str, str]] = {
    "jazzband/django-payments": ("python", "payments-identity"),
    "jazzband/django-axes": ("python", "payments-identity"),
    "pyauth/pyotp": ("python", "payments-identity"),
    "encode/httpcore": ("python", "general"),
    "jaredhanson/oauth2orize": ("javascript", "payments-identity"),
    "simov/grant": ("javascript", "payments-identity"),
    "stripe/stripe-js": ("javascript", "payments-identity"),
    "helmetjs/helmet": ("javascript", "general"),
    "golang/oauth2": ("go", "payments-identity"),
    "gorilla/sessions": ("go", "payments-identity"),
    "moov-io/watchman": ("go", "payments-identity"),
    "urfave/cli": ("go", "general"),
    "AuthorizeNet/sdk-java": ("java", "payments-identity"),
    "Yubico/java-webauthn-server": ("java", "payments-identity"),
    "auth0/auth0-java": ("java", "payments-identity"),
    "apache/commons-lang": ("java", "general"),
}
HOLDOUT9_PROJECTS: dict[str, tuple[str, str]] = {
    "jazzband/django-two-factor-auth": ("python", "payments-identity"),
    "pallets-eco/flask-security": ("python", "payments-identity"),
    "pallets/itsdangerous": ("python", "payments-identity"),
    "marshmallow-code/marshmallow": ("python", "general"),
    "mollie/mollie-api-node": ("javascript", "payments-identity"),
    "razorpay/razorpay-node": ("javascript", "payments-identity"),
    "expressjs/session": ("javascript", "payments-identity"),
    "sindresorhus/ky": ("javascript", "general"),
    "pquerna/otp": ("go", "payments-identity"),
    "gorilla/csrf": ("go", "payments-identity"),
    "moov-io/imagecashletter": ("go", "payments-identity"),
    "go-playground/validator": ("go", "general"),
    "checkout/checkout-sdk-java": ("java", "payments-identity"),
    "ESAPI/esapi-java-legacy": ("java", "payments-identity"),
    "OWASP/java-html-sanitizer": ("java", "payments-identity"),
    "apache/commons-io": ("java", "general"),
}
GROUPS = {
    "holdout2": HOLDOUT2_PROJECTS,
    "holdout3": HOLDOUT3_PROJECTS,
    "holdout4": HOLDOUT4_PROJECTS,
    "holdout5": HOLDOUT5_PROJECTS,
    "holdout6": HOLDOUT6_PROJECTS,
    "holdout7": HOLDOUT7_PROJECTS,
    "holdout8": HOLDOUT8_PROJECTS,
    "holdout9": HOLDOUT9_PROJECTS,
}
SOURCE_EXT = (".py", ".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".go", ".java", ".kt")
BOT_MARKERS = ("[bot]", "dependabot", "renovate", "github-actions")
MAX_FILES = 60


def split_of(sha: str) -> str:
    return "tuning" if int(hashlib.sha256(sha.encode()).hexdigest(), 16) % 2 == 0 else "holdout"


def mirror_dir(root: Path, repo: str) -> Path:
    return root / repo.replace("/", "+") / "repo"


def _git(git_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(git_dir), *args], capture_output=True, text=True)


def _changed(git_dir: Path, sha: str) -> list[str] | None:
    """Changed paths of `sha`, or None when its objects are not all in the stored history."""
    out = _git(git_dir, "diff-tree", "-r", "--no-commit-id", "--no-renames", f"{sha}^", sha)
    if out.returncode != 0:
        return None
    rows = [line.split("\t", 1) for line in out.stdout.splitlines() if "\t" in line]
    blobs = [b for meta, _ in rows for b in meta.split()[2:4] if set(b) != {"0"}]
    check = subprocess.run(
        ["git", "-C", str(git_dir), "cat-file", "--batch-check"],
        input="\n".join(blobs) + "\n",
        capture_output=True,
        text=True,
    )
    if "missing" in check.stdout:
        return None
    return [path for _, path in rows]


def pick(git_dir: Path, n: int) -> list[str]:
    log = _git(git_dir, "rev-list", "--no-merges", "--format=%P%x01%an <%ae>", "HEAD").stdout
    chosen: list[str] = []
    lines = log.splitlines()
    for marker, meta in zip(lines[::2], lines[1::2], strict=True):
        sha = marker.removeprefix("commit ")
        parents, _, author = meta.partition("\x01")
        if len(parents.split()) != 1 or any(m in author.lower() for m in BOT_MARKERS):
            continue
        files = _changed(git_dir, sha)
        if files is None or not 1 <= len(files) <= MAX_FILES:
            continue
        if not any(f.endswith(SOURCE_EXT) for f in files):
            continue
        chosen.append(sha)
        if len(chosen) == n:
            break
    return chosen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-repo", type=int, default=16)
    parser.add_argument("--mirror-root", type=Path, default=Path("/work/.mirror"))
    parser.add_argument(
        "--group",
        choices=("main", *GROUPS),
        default="main",
        help="main: the whole file (tuning/holdout); holdout2-6: entries to append to it",
    )
    args = parser.parse_args()
    projects = GROUPS.get(args.group, PROJECTS)
    commits = []
    for repo, (language, domain) in projects.items():
        shas = pick(mirror_dir(args.mirror_root, repo), args.per_repo)
        if len(shas) < args.per_repo:
            print(f"{repo}: only {len(shas)} qualifying commits", file=sys.stderr)
        for sha in shas:
            commits.append(
                {
                    "repo": repo,
                    "sha": sha,
                    "language": language,
                    "domain": domain,
                    "split": args.group if args.group in GROUPS else split_of(sha),
                }
            )
    if args.group in GROUPS:  # list items only, to append under the existing `commits:`
        sys.stdout.write(yaml.safe_dump(commits, sort_keys=False))
        return 0
    header = (
        "# Benchmark commits, chosen by bench/precision/select_commits.py (see its docstring).\n"
        "# Only repository names and commit ids: the code comes from public git history.\n"
    )
    sys.stdout.write(header + yaml.safe_dump({"commits": commits}, sort_keys=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
