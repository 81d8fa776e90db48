"""The schema vocabulary of `.gate.yml`: `Str`, `Int`, `Fraction`, `Bool`, `Enum_`,
`ListOf`, `MapOf`, `Struct`, `OnOff`, `Anything`. Each spec validates one value, fills its
default and names the file, line and key of what is wrong in one line (`Where`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gate.errors import ConfigError
from gate.policy.yamlio import LineDict, did_you_mean


class Spec:
    default: Any = None

    def check(self, value: Any, where: Where) -> Any:
        raise NotImplementedError


@dataclass(frozen=True)
class Where:
    source: str
    line: int
    key: str

    def fail(self, problem: str) -> ConfigError:
        return ConfigError(f"{self.source}:{self.line}: {self.key}: {problem}")

    def child(self, key: str, line: int) -> Where:
        return Where(self.source, line or self.line, f"{self.key}.{key}" if self.key else key)


class Str(Spec):
    def __init__(self, default: str = "") -> None:
        self.default = default

    def check(self, value: Any, where: Where) -> Any:
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise where.fail(f"expected text, got {type(value).__name__}")
        return str(value)


class Int(Spec):
    """A finite number in [minimum, maximum] (`.nan`, `.inf` and huge values refused)."""

    def __init__(self, default: int, minimum: int = 0, maximum: int = 10**12) -> None:
        self.default, self.minimum, self.maximum = default, minimum, maximum

    def check(self, value: Any, where: Where) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise where.fail(f"expected a number, got {value!r}")
        if not math.isfinite(value):
            raise where.fail(f"expected a finite number, got {value!r}")
        if value < self.minimum:
            raise where.fail(f"must be at least {self.minimum}")
        if value > self.maximum:
            raise where.fail(f"must be at most {self.maximum:,}")
        return value


class Fraction(Spec):
    def __init__(self, default: float) -> None:
        self.default = default

    def check(self, value: Any, where: Where) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise where.fail(f"expected a fraction from 0 to 1 (e.g. 0.8), got {value!r}")
        return float(value)


class Bool(Spec):
    def __init__(self, default: bool) -> None:
        self.default = default

    def check(self, value: Any, where: Where) -> Any:
        if not isinstance(value, bool):
            raise where.fail(f"expected true or false, got {value!r}")
        return value


class Enum_(Spec):
    def __init__(self, choices: tuple[str, ...], default: str) -> None:
        self.choices, self.default = choices, default

    def check(self, value: Any, where: Where) -> Any:
        text = str(value).lower() if isinstance(value, str) else value
        if text not in self.choices:
            raise where.fail(
                f"'{value}' is not one of {', '.join(self.choices)}"
                f"{did_you_mean(str(value), self.choices)}"
            )
        return text


class ListOf(Spec):
    def __init__(self, item: Spec, default: tuple[Any, ...] = ()) -> None:
        self.item, self.default = item, default

    def check(self, value: Any, where: Where) -> Any:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise where.fail("expected a list")
        return tuple(self.item.check(v, where) for v in value)


class MapOf(Spec):
    def __init__(self, item: Spec, default: Mapping[str, Any] | None = None) -> None:
        self.item, self.default = item, dict(default or {})

    def check(self, value: Any, where: Where) -> Any:
        if not isinstance(value, dict):
            raise where.fail("expected a mapping")
        lines = value.key_lines if isinstance(value, LineDict) else {}
        return {
            str(k): self.item.check(v, where.child(str(k), lines.get(str(k), 0)))
            for k, v in value.items()
        }


class Struct(Spec):
    def __init__(self, fields: Mapping[str, Spec]) -> None:
        self.fields = dict(fields)

    @property
    def default(self) -> dict[str, Any]:
        return {k: _default(s) for k, s in self.fields.items()}

    def check(self, value: Any, where: Where) -> Any:
        if value is None:
            return self.default
        if not isinstance(value, dict):
            raise where.fail("expected a mapping")
        lines = value.key_lines if isinstance(value, LineDict) else {}
        result = self.default
        for key, item in value.items():
            here = where.child(str(key), lines.get(str(key), 0))
            if key not in self.fields:
                raise ConfigError(
                    f"{where.source}:{here.line}: unknown key '{here.key}'"
                    f"{did_you_mean(str(key), self.fields)}"
                )
            result[key] = self.fields[key].check(item, here)
        return result


class OnOff(Spec):
    """`on` / `off`; YAML 1.1 reads a bare `on` / `off` as a boolean, so accept those too."""

    def __init__(self, default: str) -> None:
        self.default = default

    def check(self, value: Any, where: Where) -> Any:
        if isinstance(value, bool):
            return "on" if value else "off"
        text = str(value).strip().lower() if isinstance(value, str) else value
        if text not in ("on", "off"):
            raise where.fail(f"'{value}' is not one of on, off")
        return text


class Anything(Spec):
    """A section validated elsewhere (gate.decision.tier validates risk, routing and sla)."""

    def __init__(self) -> None:
        self.default = {}

    def check(self, value: Any, where: Where) -> Any:
        return value


def _default(spec: Spec) -> Any:
    value = spec.default
    return dict(value) if isinstance(value, dict) else value
