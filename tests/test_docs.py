"""The README's generated parts are current, and the release notes match the version."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import sessionhub
from sessionhub._registry import VENDORS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()
sys.path.insert(0, str(ROOT / "scripts"))

import retry_table  # noqa: E402


def test_the_readme_retry_table_is_the_code_s() -> None:
    assert retry_table.readme_with_table(README) == README, (
        "README's retry table is stale: run python scripts/retry_table.py --write"
    )


def test_the_retry_table_covers_every_operation_and_can_fail() -> None:
    table = retry_table.retry_table()
    assert table.count("\n") == 2 + 17 - 1  # header, rule, 17 operations
    stale = README.replace("| twilio | `sessions.create` | no | retried | no | no | retried", "| x")
    assert retry_table.readme_with_table(stale) != stale


def test_the_readme_names_every_base_url_variable() -> None:
    for info in VENDORS:
        assert f"| `{info.client}` | `{info.base_url_env}` |" in README


def test_the_changelog_has_this_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text()
    assert re.search(
        rf"^## \[{re.escape(sessionhub.__version__)}\] - \d{{4}}-\d\d-\d\d$", changelog, re.M
    )
    assert "## [0.1.0]" in changelog
    version = re.search(r'^version = "(.+)"$', (ROOT / "pyproject.toml").read_text(), re.M)
    assert version is not None and version.group(1) == sessionhub.__version__
