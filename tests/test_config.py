"""`.gate.yml` validation: one line naming file:line and key, with a suggestion."""

from __future__ import annotations

from pathlib import Path

import pytest

from gate.errors import ConfigError
from gate.policy.config import Config, load_config, parse_config


def test_no_config_file_gives_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert config.source == "defaults"
    assert config.fail_on == "high" and config.filter_mode == "added"
    assert "pci-dss" in config.packs


def test_valid_config_overrides_defaults_and_keeps_the_rest() -> None:
    config = parse_config(
        "fail_on: critical\nscanners:\n  semgrep:\n    timeout: 30\n", ".gate.yml"
    )
    assert config.fail_on == "critical"
    assert config.scanner("semgrep") == {
        "enabled": True,
        "timeout": 30,
        "timeout_per_100_files": 100,
    }
    assert config.scanner("bandit")["enabled"] is True


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fail_onn: high\n", ".gate.yml:1: unknown key 'fail_onn' (did you mean 'fail_on'?)"),
        (
            "packs: [security]\nfilter_mode: added_lines\n",
            ".gate.yml:2: filter_mode: 'added_lines' is not one of added, diff_context, file, "
            "nofilter (did you mean 'added'?)",
        ),
        (
            "scanners:\n  semgrep:\n    timeout: soon\n",
            ".gate.yml:3: scanners.semgrep.timeout: expected a number, got 'soon'",
        ),
        (
            "scanners:\n  semgrp:\n    enabled: false\n",
            ".gate.yml:2: unknown key 'scanners.semgrp' (did you mean 'semgrep'?)",
        ),
        (
            "on_scanner_error: ignore\n",
            ".gate.yml:1: on_scanner_error: 'ignore' is not one of fail, warn",
        ),
        ("exclude: {a: 1}\n", ".gate.yml:1: exclude: expected a list"),
        ("- just\n- a list\n", ".gate.yml:1: expected a mapping of settings (key: value)"),
        ("fail_on: high\nfail_on: low\n", ".gate.yml:2: duplicate key 'fail_on'"),
    ],
)
def test_malformed_config_is_one_line_with_location(text: str, expected: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(text, ".gate.yml")
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(expected)


def test_yaml_syntax_error_names_the_line() -> None:
    with pytest.raises(ConfigError, match=r"^\.gate\.yml:3: "):
        parse_config("fail_on: high\nexclude:\n  - [unclosed\n", ".gate.yml")


def test_command_line_overrides_are_validated_too() -> None:
    config = Config(source="defaults").with_overrides(fail_on="medium", warn_on=None)
    assert config.fail_on == "medium" and config.warn_on == "medium"
    with pytest.raises(ConfigError, match="command line"):
        Config(source="defaults").with_overrides(filter_mode="everything")


def test_output_formats_in_config_match_the_reporters() -> None:
    import gate.reporters as reporters

    from gate.policy.config import OUTPUT_FORMATS

    assert set(OUTPUT_FORMATS) == set(reporters.FORMATS) | {"terminal"}


def test_outputs_section_is_validated() -> None:
    config = parse_config("outputs:\n  - {format: sarif, path: gate.sarif}\n", ".gate.yml")
    assert config["outputs"] == ({"format": "sarif", "path": "gate.sarif"},)
    with pytest.raises(ConfigError, match=r"\.gate\.yml:2: outputs.format: 'sarf' is not one of"):
        parse_config("outputs:\n  - {format: sarf, path: x}\n", ".gate.yml")


def test_scanner_time_budget_grows_with_the_planned_files() -> None:
    from gate.scanning.plan import time_budget

    config = parse_config("scanners:\n  bandit:\n    timeout_per_100_files: 50\n", ".gate.yml")
    assert time_budget(config.scanner("semgrep"), 1) == 301.0
    assert time_budget(config.scanner("semgrep"), 1000) == 1300.0  # a 1,000-file PR finishes
    assert time_budget(config.scanner("bandit"), 200) == 220.0


def test_negative_per_file_budget_is_rejected() -> None:
    with pytest.raises(ConfigError, match=r"\.gate\.yml:3: .*timeout_per_100_files"):
        parse_config("scanners:\n  semgrep:\n    timeout_per_100_files: -1\n", ".gate.yml")
