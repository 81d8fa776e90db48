"""The YAML parser behind gate.policy.yamlio: mappings as LineDict (each key's line)."""

from __future__ import annotations

from typing import Any

import yaml

from gate.errors import ConfigError
from gate.policy.linedict import LineDict

__all__ = ["parse_yaml"]

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ~7x faster


class _LineLoader(_BaseLoader):  # type: ignore[misc]
    pass


_MERGE_TAG = "tag:yaml.org,2002:merge"


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    own = sum(1 for key_node, _ in node.value if key_node.tag != _MERGE_TAG)
    loader.flatten_mapping(node)  # `<<: *anchor` entries first, then the node's own keys
    merged = len(node.value) - own
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    from_merge: set[str] = set()  # keys a `<<` merge gave, which an own key may override
    for index, (key_node, value_node) in enumerate(node.value):
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        if key in result:
            if index < merged:
                continue  # of two merged mappings the first wins (YAML merge rules)
            if key not in from_merge:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key '{key}'", key_node.start_mark
                )
            from_merge.discard(key)
        elif index < merged:
            from_merge.add(key)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,
)


def parse_yaml(text: str, source: str) -> Any:
    """Parse YAML text; syntax errors become `ConfigError('source:line: ...')`."""
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.context_mark or exc.problem_mark
        line = mark.line + 1 if mark else 0
        problem = exc.problem or exc.context or "invalid YAML"
        raise ConfigError(f"{source}:{line}: {problem} (check indentation and quoting)") from None
    except yaml.reader.ReaderError as exc:  # a NUL or other control character
        raise ConfigError(
            f"{source}: invalid YAML: character U+{_code(exc.character):04X} at offset "
            f"{exc.position} is not allowed (remove it; the file must be plain UTF-8 text)"
        ) from None
    except yaml.YAMLError as exc:
        detail = " ".join(str(exc).split())
        raise ConfigError(f"{source}: invalid YAML: {detail}") from None


def _code(character: Any) -> int:
    return character if isinstance(character, int) else ord(str(character)[:1] or "\x00")
