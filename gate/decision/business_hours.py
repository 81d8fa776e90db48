"""Business hours for review SLAs: a calendar (time zone, working days and hours,
holidays) and the working time between two moments.

    sla:
      calendar:
        timezone: Europe/Berlin        # IANA name (zoneinfo); default UTC
        days: [mon, tue, wed, thu, fri]
        hours: "09:00-17:00"
        holidays: [2026-12-24, 2026-12-25]

Without `calendar:` the clock runs around the clock (every hour counts), as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from gate.policy.schema import ListOf, Spec, Str, Struct, Where

__all__ = ["CALENDAR_SCHEMA", "Calendar", "calendar_from"]

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_HOURS = re.compile(r"(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\Z")
_MAX_DAYS = 800  # a PR open longer than this is overdue by any calendar


class _Zone(Spec):
    default = "UTC"

    def check(self, value: Any, where: Where) -> Any:
        text = Str().check(value, where)
        try:
            ZoneInfo(text)
        except (ZoneInfoNotFoundError, ValueError):
            raise where.fail(
                f"unknown time zone '{text}' (use an IANA name such as Europe/Berlin)"
            ) from None
        return text


class _Day(Spec):
    def check(self, value: Any, where: Where) -> Any:
        text = Str().check(value, where).strip().lower()[:3]
        if text not in DAY_NAMES:
            raise where.fail(f"'{value}' is not a day (mon, tue, ... sun)")
        return text


class _Hours(Spec):
    default = "00:00-24:00"

    def check(self, value: Any, where: Where) -> Any:
        match = _HOURS.match(Str().check(value, where).strip())
        if match is None:
            raise where.fail(f"expected working hours such as 09:00-17:00, got {value!r}")
        start_h, start_m, end_h, end_m = (int(g) for g in match.groups())
        start, end = start_h * 60 + start_m, end_h * 60 + end_m
        if not (0 <= start < end <= 24 * 60) or start_m > 59 or end_m > 59:
            raise where.fail(f"'{value}' is not a range within one day")
        return f"{start_h:02d}:{start_m:02d}-{end_h:02d}:{end_m:02d}"


class _Holiday(Spec):
    def check(self, value: Any, where: Where) -> Any:
        if isinstance(value, date):
            return value.isoformat()
        text = Str().check(value, where).strip()
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            raise where.fail(f"'{text}' is not a date (YYYY-MM-DD)") from None


CALENDAR_SCHEMA = Struct(
    {
        "timezone": _Zone(),
        "days": ListOf(_Day(), default=DAY_NAMES[:5]),
        "hours": _Hours(),
        "holidays": ListOf(_Holiday()),
    }
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Calendar:
    zone: str = "UTC"
    days: frozenset[int] = frozenset(range(7))  # 0 = Monday
    start_minute: int = 0
    end_minute: int = 24 * 60
    holidays: frozenset[date] = frozenset()

    @property
    def around_the_clock(self) -> bool:
        return (
            len(self.days) == 7
            and not self.holidays
            and self.end_minute - self.start_minute == 1440
        )

    def working_time(self, start: datetime, end: datetime) -> timedelta:
        """Working time in [start, end): the overlap with each working day's hours."""
        if end <= start:
            return timedelta(0)
        if self.around_the_clock:
            return end - start
        zone = ZoneInfo(self.zone)
        local_start, local_end = start.astimezone(zone), end.astimezone(zone)
        total = timedelta(0)
        day = local_start.date()
        for _ in range(_MAX_DAYS):
            if day > local_end.date():
                break
            if day.weekday() in self.days and day not in self.holidays:
                opens = _at(day, self.start_minute, zone)
                closes = _at(day, self.end_minute, zone)
                overlap = min(closes, local_end) - max(opens, local_start)
                if overlap > timedelta(0):
                    total += overlap
            day += timedelta(days=1)
        return total

    def describe(self) -> str:
        if self.around_the_clock:
            return "around the clock"
        names = ", ".join(DAY_NAMES[d] for d in sorted(self.days))
        start, end = divmod(self.start_minute, 60), divmod(self.end_minute, 60)
        hours = f"{start[0]:02d}:{start[1]:02d}-{end[0]:02d}:{end[1]:02d}"
        return f"business hours {names} {hours} {self.zone}"


def calendar_from(checked: dict[str, Any] | None) -> Calendar:
    """The validated `sla.calendar` section (None: around the clock)."""
    if not checked:
        return Calendar()
    start, _, end = checked["hours"].partition("-")
    return Calendar(
        zone=checked["timezone"],
        days=frozenset(DAY_NAMES.index(d) for d in checked["days"]),
        start_minute=_minutes(start),
        end_minute=_minutes(end),
        holidays=frozenset(date.fromisoformat(d) for d in checked["holidays"]),
    )


def _minutes(text: str) -> int:
    hours, _, minutes = text.partition(":")
    return int(hours) * 60 + int(minutes)


def _at(day: date, minute: int, zone: ZoneInfo) -> datetime:
    if minute >= 1440:
        return datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)
    return datetime.combine(day, time(minute // 60, minute % 60), tzinfo=zone)


def parse_time(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
