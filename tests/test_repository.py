"""The repository stands alone: nothing reads or names a folder beside the checkout, and the
Makefile picks a supported interpreter the way users expect."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Spelled in pieces so that this file does not contain what it forbids.
OUTSIDE = ("../" + "shared", "shared/" + "reference", '"shared"' + ' / "reference"')
# Every tracked file: code, data, specs and docs alike (the brief: nothing in the repository
# may read or name the folder; a doc that points at it sends a user where nothing is).
MAKE = shutil.which("make")


def _tracked_files() -> list[Path]:
    result = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=False)
    if result.returncode != 0:  # an sdist or a copy without .git: walk the tree instead
        return [p for p in ROOT.rglob("*") if p.is_file() and ".venv" not in p.parts]
    return [ROOT / name for name in result.stdout.decode().split("\0") if name]


def test_nothing_reads_or_names_a_folder_outside_the_repository() -> None:
    offenders = []
    for path in _tracked_files():
        relative = path.relative_to(ROOT).as_posix()
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError):
            continue
        offenders += [
            f"{relative}:{number}: {line.strip()}"
            for number, line in enumerate(text.splitlines(), 1)
            if any(needle in line for needle in OUTSIDE)
        ]
    assert offenders == [], "copy the data into the repository instead:\n" + "\n".join(offenders)


def test_the_sample_bodies_are_in_the_repository() -> None:
    samples = ROOT / "tests" / "samples"
    vendors = {p.name for p in samples.iterdir() if p.is_dir()}
    assert vendors == {"equos", "sipher", "trinsic-connect", "twilio-proxy"}
    readme = (samples / "README.md").read_text()
    for vendor in vendors:
        assert f"`{vendor}/`" in readme, f"tests/samples/README.md says nothing of {vendor}/"
        assert list((samples / vendor).glob("*.json")), vendor


def _fake_python(folder: Path, name: str, *, works: bool) -> None:
    """An interpreter named `name` on a private PATH: this Python, or a broken pyenv-like shim."""
    path = folder / name
    if works:
        path.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    else:
        path.write_text(f"#!/bin/sh\necho 'pyenv: {name}: command not found' >&2\nexit 127\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def _make(tmp_path: Path, path_dirs: list[Path], *args: str) -> subprocess.CompletedProcess[str]:
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    (tmp_path / "pyproject.toml").touch()
    assert MAKE is not None
    # make runs simple recipe lines without a shell, so the PATH needs these, and no Python
    tools = tmp_path / "tools"
    tools.mkdir()
    for tool in ("echo", "test", "sh", "touch"):
        found = shutil.which(tool)
        assert found is not None, tool
        (tools / tool).symlink_to(found)
    env = {"PATH": os.pathsep.join(str(d) for d in [*path_dirs, tools]), "HOME": str(tmp_path)}
    return subprocess.run(
        [MAKE, "-s", "-C", str(tmp_path), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )


@pytest.mark.skipif(MAKE is None, reason="needs make")
@pytest.mark.parametrize(
    ("present", "chosen"),
    [
        ({"python3.13": True, "python3.12": True, "python3.11": True}, "python3.13"),
        ({"python3.13": False, "python3.12": True, "python3.11": True}, "python3.12"),
        ({"python3.13": False, "python3.12": False, "python3.11": True}, "python3.11"),
        ({"python3.12": False, "python3": True}, "python3"),
    ],
)
def test_the_makefile_picks_the_newest_interpreter_that_runs(
    tmp_path: Path, present: dict[str, bool], chosen: str
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, works in present.items():
        _fake_python(bin_dir, name, works=works)
    result = _make(tmp_path, [bin_dir], "print-python")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == chosen


@pytest.mark.skipif(MAKE is None, reason="needs make")
def test_an_explicit_python_wins(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _fake_python(bin_dir, "python3.13", works=True)
    result = _make(tmp_path, [bin_dir], "print-python", "PYTHON=/opt/py/bin/python")
    assert result.stdout.strip() == "/opt/py/bin/python"


@pytest.mark.skipif(MAKE is None, reason="needs make")
def test_no_supported_interpreter_is_one_clear_line(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _fake_python(bin_dir, "python3.13", works=False)
    old = bin_dir / "python3"  # a Python older than 3.11 answers the version probe with 1
    old.write_text("#!/bin/sh\nexit 1\n")
    old.chmod(0o755)
    result = _make(tmp_path, [bin_dir], "install")
    assert result.returncode != 0
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1, result.stdout
    assert "3.11, 3.12 or 3.13" in lines[0] and "PYTHON=" in lines[0]
    assert not (tmp_path / ".venv").exists()
