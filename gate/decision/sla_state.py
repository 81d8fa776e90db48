"""What the SLA reads off a PR: its tier label, whether the reviewers it waits on have
answered, which escalation levels the gate's bot already did, and backup reviewers."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["Note", "answered_by", "backup_reviewers", "levels_done", "tier_of"]

_TIER_LABEL = re.compile(r"gate:tier-([0-3])\b")
_LEVEL = re.compile(r"<!-- gate:sla-escalation(?: level=(\d+))? -->")
_ANSWERS = frozenset({"APPROVED", "CHANGES_REQUESTED"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Note:
    author: str
    body: str
    is_bot: bool = False


def tier_of(labels: Iterable[str], label_tiers: Mapping[str, int]) -> int | None:
    labels = tuple(labels)
    found = [label_tiers[label] for label in labels if label in label_tiers]
    found += [int(m.group(1)) for label in labels if (m := _TIER_LABEL.match(label))]
    return max(found) if found else None


def answered_by(
    reviews: Iterable[tuple[str, str]],
    author: str,
    waits_on: tuple[str, ...],
    teams: Mapping[str, tuple[str, ...]],
) -> tuple[str, ...]:
    """Reviewers the PR waits on who approved or asked for changes (comments don't count).
    A team without listed members (routing.teams) is matched by any reviewer."""
    allowed: set[str] = set()
    anyone = not waits_on
    for who in waits_on:
        if "/" in who:
            members = teams.get(who.lower())
            if members is None:
                anyone = True
            allowed.update(m.lower() for m in members or ())
        else:
            allowed.add(who.lower())
    found = [
        login
        for login, state in reviews
        if state in _ANSWERS
        and login.lower() != author.lower()
        and (anyone or login.lower() in allowed)
    ]
    return tuple(dict.fromkeys(found))


def levels_done(notes: Iterable[Note], author: str, bots: tuple[str, ...]) -> set[int]:
    done: set[int] = set()
    trusted_logins = {b.lower() for b in bots}
    for note in notes:
        if note.author.lower() == author.lower():
            continue  # the PR's author cannot silence its own escalation
        trusted = note.author.lower() in trusted_logins if bots else note.is_bot
        if not trusted:
            continue
        for match in _LEVEL.finditer(note.body):
            done.add(int(match.group(1) or 1))
    return done


def backup_reviewers(groups: Mapping[str, Any], waiting_on: Iterable[str]) -> tuple[str, ...]:
    """`routing.groups.*.backup` of the groups the PR waits on (by a shared member)."""
    waiting = {w.lower() for w in waiting_on}
    found: list[str] = []
    for group in groups.values():
        if waiting & {m.lower() for m in group["members"]}:
            found.extend(b for b in group["backup"] if b not in found)
    return tuple(found)
