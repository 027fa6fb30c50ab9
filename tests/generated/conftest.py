"""One generation of the four APIs per test session, shared by every test that needs it.

Generating takes several seconds per API; each test that compares, checks drift or inspects
the output reads this one tree instead of running the generator again.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def fresh_generation(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `scripts/generate.py` writes from the committed specs, in a temporary folder."""
    out = tmp_path_factory.mktemp("generated")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "generate.py"), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return out
