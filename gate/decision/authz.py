"""Authorization changes are risk: permission checks, access-control decorators and
middleware, role and policy definitions that a change adds, edits or removes.

Python, JavaScript/TypeScript, Java and Go lines are matched by language (file
extension); policy files (`*.rego`, casbin models and policies) count as definitions.
A check is *removed* when its line is in the base version of the file (its blob at the
base commit, renames followed, deleted files included) and no longer in the new one; it is
*added* when an added line carries it and the base did not (a moved line is neither).

Tiers (`risk.authz` in `.gate.yml`): removed checks `removed_tier` (default 3: access
control may have been weakened), role/policy definitions `definition_tier` (3), added or
edited checks `added_tier` (2).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import Any, Protocol

from gate.change.model import Change, ChangedFile, ChangeKind
from gate.globs import matches_any
from gate.report import RiskSignal
from gate.scanning.base_side import read_base_blobs

__all__ = ["authz_signals"]

_MAX_LISTED = 4
_MAX_BYTES = 2_000_000

CHECK, DEFINITION = "check", "definition"

# fmt: off
_PATTERNS: dict[str, tuple[tuple[str, str], ...]] = {
    "python": (
        (CHECK, r"@\s*(?:\w+\.)*(?:login_required|permission_required|user_passes_test|staff_member_required|"  # noqa: E501
                r"requires?_(?:auth|login|permissions?|roles?|scopes?)\w*|roles?_(?:required|accepted)|"  # noqa: E501
                r"has_(?:permission|role)\w*|authorize\w*|admin_required|jwt_required|fresh_jwt_required)\b"),  # noqa: E501
        (CHECK, r"\b(?:permission_classes|authentication_classes|permission_required)\s*[=:]"),
        (CHECK, r"\b(?:has_perms?|has_object_permission|has_permission|check_permissions?|"
                r"check_object_permissions|is_authorized|authorize|can_access|has_role|has_scope)\s*\("),  # noqa: E501
        (CHECK, r"\braise\s+(?:PermissionDenied|Forbidden|HTTPException\(\s*status_code\s*=\s*403)|"
                r"\babort\(\s*403\b|\bIsAdminUser\b|\bIsAuthenticated\w*\b|\bAllowAny\b|"
                r"\bDjangoModelPermissions\w*\b|\bSecurity\(\s*\w+\s*,\s*scopes\s*="),
        (CHECK, r"\b(?:user|current_user|request\.user)\.(?:is_superuser|is_staff|is_admin|has_perm|role)\b"),  # noqa: E501
        (DEFINITION, r"^\s*(?:ROLES?|PERMISSIONS?|ROLE_PERMISSIONS|ACL|POLICIES)\s*[:=]|"
                     r"^\s*class\s+\w*(?:Permission|Policy|Role)s?\s*[(:]"),
    ),
    "javascript": (
        (CHECK, r"\b(?:requireAuth\w*|ensureAuthenticated|ensureLoggedIn|isAuthenticated|isAuthorized|"  # noqa: E501
                r"requireRole\w*|requirePermission\w*|checkPermission\w*|checkRole\w*|hasRole|"
                r"hasPermission|authorize|canActivate)\s*\(|\bpassport\.authenticate\s*\("),
        (CHECK, r"@(?:UseGuards|Roles|Permissions|Authorized|RequirePermissions?|Public)\s*\(|"
                r"\bimplements\s+CanActivate\b|\bability\.(?:can|cannot)\s*\(|\.(?:status|sendStatus)\(\s*403\s*\)"),  # noqa: E501
        (DEFINITION, r"^\s*(?:export\s+)?(?:const|let|var|enum)\s+(?:ROLES?|PERMISSIONS?|Roles?|"
                     r"Permissions?|ACL|Policies)\b|\bdefineAbility\b|\bAbilityBuilder\b"),
    ),
    "java": (
        (CHECK, r"@(?:PreAuthorize|PostAuthorize|PreFilter|PostFilter|Secured|RolesAllowed|PermitAll|"  # noqa: E501
                r"DenyAll|RequiresPermissions|RequiresRoles)\b"),
        (CHECK, r"\.(?:hasRole|hasAnyRole|hasAuthority|hasAnyAuthority|permitAll|denyAll|authenticated|"  # noqa: E501
                r"anonymous|access)\s*\(|\.(?:authorizeRequests|authorizeHttpRequests|requestMatchers|"  # noqa: E501
                r"antMatchers|mvcMatchers)\s*\(|\bisUserInRole\s*\("),
        (DEFINITION, r"\b(?:SecurityFilterChain|AccessDecisionManager|AuthorizationManager|"
                     r"PermissionEvaluator|GrantedAuthority)\b|^\s*(?:public\s+)?enum\s+\w*(?:Role|Permission)s?\b"),  # noqa: E501
    ),
    "go": (
        (CHECK, r"\b(?:Enforce|EnforceSafe|RequireRole\w*|RequirePermission\w*|RequireAuth\w*|"
                r"IsAuthorized|Authorize\w*|CheckPermission\w*|HasRole|HasPermission|Can)\s*\(|"
                r"\bhttp\.StatusForbidden\b|\bcodes\.PermissionDenied\b"),
        (DEFINITION, r"\bcasbin\.New\w*\s*\(|^\s*type\s+\w*(?:Role|Permission|Policy)s?\s|"
                     r"^\s*(?:var|const)\s+\w*(?:Roles?|Permissions?)\s*="),
    ),
}
# fmt: on
_EXTENSIONS = {
    ".py": "python",
    ".js": "javascript",
    ".jsx": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".ts": "javascript",
    ".tsx": "javascript",
    ".java": "java",
    ".kt": "java",
    ".go": "go",
}
_POLICY_FILES = ("*.rego", "*casbin*.conf", "*casbin*.csv", "rbac_model.conf", "*policy.csv")
_COMPILED = {
    language: tuple((kind, re.compile(pattern)) for kind, pattern in patterns)
    for language, patterns in _PATTERNS.items()
}


class Reader(Protocol):
    """What `gate.decision.tier` passes: the new content of changed files."""

    def lines(self, changed: ChangedFile) -> list[str]: ...

    def added(self, changed: ChangedFile) -> list[tuple[int, str]]: ...


def authz_signals(
    reader: Reader, code_files: list[ChangedFile], change: Change, settings: Mapping[str, Any]
) -> list[RiskSignal]:
    """Up to three signals: removed checks, changed definitions, added checks."""
    tiers = {
        "added_tier": 2,
        "removed_tier": 3,
        "definition_tier": 3,
        **settings.get("authz", {}),
    }
    removed: list[str] = []
    added: list[str] = []
    definitions: list[str] = []
    for changed in code_files:
        if changed.is_binary or changed.is_submodule:
            continue
        if matches_any(changed.path.lower(), _POLICY_FILES):
            definitions.append(f"{changed.path} (policy file)")
            continue
        language = _language(changed.path) or _language(changed.old_path or "")
        if language is None:
            continue
        old = _old_lines(change, changed)
        new = reader.lines(changed)
        old_hits = Counter(_key(text) for text in old if _kind(language, text))
        new_hits = Counter(_key(text) for text in new if _kind(language, text))
        gone = old_hits - new_hits
        for text in old:
            key = _key(text)
            if gone.get(key, 0) > 0:
                gone[key] -= 1
                kind = _kind(language, text)
                target = definitions if kind == DEFINITION else removed
                target.append(f"`{_shown(text)}` removed from {changed.path}")
        fresh = new_hits - old_hits
        for number, text in reader.added(changed):
            key = _key(text)
            if fresh.get(key, 0) > 0:
                fresh[key] -= 1
                kind = _kind(language, text)
                target = definitions if kind == DEFINITION else added
                target.append(f"`{_shown(text)}` at {changed.path}:{number}")
    signals: list[RiskSignal] = []
    if removed:
        signals.append(
            RiskSignal(
                signal="authz:removed",
                detail=f"Removes or rewrites authorization checks: {_listed(removed)}; "
                "confirm access is still enforced.",
                tier=int(tiers["removed_tier"]),
            )
        )
    if definitions:
        signals.append(
            RiskSignal(
                signal="authz:definitions",
                detail=f"Changes role or policy definitions: {_listed(definitions)}.",
                tier=int(tiers["definition_tier"]),
            )
        )
    if added:
        signals.append(
            RiskSignal(
                signal="authz:checks",
                detail=f"Adds or changes permission checks or access-control "
                f"decorators/middleware: {_listed(added)}.",
                tier=int(tiers["added_tier"]),
            )
        )
    return signals


def _language(path: str) -> str | None:
    dot = path.rfind(".")
    return _EXTENSIONS.get(path[dot:].lower()) if dot >= 0 else None


def _kind(language: str, text: str) -> str | None:
    stripped = text.strip()
    if not stripped or stripped.startswith(("#", "//", "*", "/*")):
        return None
    for kind, pattern in _COMPILED[language]:
        if pattern.search(text):
            return kind
    return None


def _key(text: str) -> str:
    return " ".join(text.split())


def _shown(text: str) -> str:
    shown = _key(text).replace("`", "'")
    return shown if len(shown) <= 80 else shown[:77] + "..."


def _listed(items: list[str]) -> str:
    shown = "; ".join(items[:_MAX_LISTED])
    more = len(items) - _MAX_LISTED
    return f"{shown} (+{more} more)" if more > 0 else shown


def _old_lines(change: Change, changed: ChangedFile) -> list[str]:
    """The base version of the file; [] when there is no base or the file is new."""
    if not change.base_sha or changed.kind in (ChangeKind.ADDED, ChangeKind.UNTRACKED):
        return []
    path = changed.old_path or changed.path
    blob = read_base_blobs(change.repo_root, change.base_sha, (path,)).get(path)
    if blob is None or len(blob) > _MAX_BYTES:
        return []
    return blob.decode("utf-8", "replace").splitlines()
