"""The custom templates are tracked against the generator's stock templates they derive from,
and every generated file says where it came from."""

from __future__ import annotations

import hashlib
import json
import re
import sys
from importlib import metadata
from pathlib import Path

import openapi_python_client
import pytest

ROOT = Path(__file__).resolve().parents[2]
CODEGEN = ROOT / "scripts" / "codegen"
CUSTOM = CODEGEN / "templates"
RECORD = json.loads((CODEGEN / "upstream" / "templates.json").read_text())
STOCK = Path(openapi_python_client.__file__).parent / "templates"
GENERATED = ROOT / "generated" / "_sessionhub_generated"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def custom_templates() -> list[str]:
    return sorted(p.relative_to(CUSTOM).as_posix() for p in CUSTOM.rglob("*") if p.is_file())


def test_every_custom_template_is_recorded_as_derived_or_own() -> None:
    recorded = set(RECORD["derived"]) | set(RECORD["own"])
    assert set(custom_templates()) == recorded
    assert not set(RECORD["derived"]) & set(RECORD["own"])


def test_an_own_template_shadows_no_stock_template() -> None:
    for name in RECORD["own"]:
        assert not (STOCK / name).exists(), f"{name} now exists upstream: record it as derived"


def test_the_record_is_for_the_pinned_generator() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text()
    pin = re.search(r'"openapi-python-client==([^"]+)"', pyproject)
    assert pin is not None
    assert RECORD["version"] == pin.group(1), (
        f"scripts/codegen/upstream/templates.json records {RECORD['version']}, the pin is "
        f"{pin.group(1)}: re-derive the custom templates (scripts/codegen/upstream/README.md)"
    )


def test_pristine_copies_match_the_record() -> None:
    pristine = ROOT / RECORD["pristine"]
    for name, entry in RECORD["derived"].items():
        assert sha256(pristine / name) == entry["sha256"], name


def test_installed_stock_templates_are_the_recorded_ones() -> None:
    """Fails on a generator bump (or a patched install), naming each template to re-derive
    and the command that shows the upstream change to merge into it."""
    installed = metadata.version("openapi-python-client")
    changed = []
    for name, entry in sorted(RECORD["derived"].items()):
        stock = STOCK / name
        if not stock.is_file():
            changed.append(
                f"  {name}: removed upstream (custom copy: scripts/codegen/templates/{name})"
            )
        elif sha256(stock) != entry["sha256"]:
            changed.append(
                f"  {name}: changed upstream; see the change with\n"
                f"    diff -u {RECORD['pristine']}/{name} {stock}\n"
                f"  and merge it into scripts/codegen/templates/{name}"
            )
    if changed:
        pytest.fail(
            f"openapi-python-client {installed} differs from the {RECORD['version']} stock "
            "templates the custom ones derive from:\n"
            + "\n".join(changed)
            + "\nThen follow scripts/codegen/upstream/README.md.",
            pytrace=False,
        )


def test_a_changed_stock_template_is_reported_with_the_diff_command(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The check above can fail: a stock tree with one edited template is reported."""
    fake = tmp_path / "templates"
    for name in RECORD["derived"]:
        (fake / name).parent.mkdir(parents=True, exist_ok=True)
        (fake / name).write_bytes((STOCK / name).read_bytes())
    (fake / "model.py.jinja").write_text("{# upstream changed #}\n")
    monkeypatch.setattr(sys.modules[__name__], "STOCK", fake)
    with pytest.raises(pytest.fail.Exception) as info:
        test_installed_stock_templates_are_the_recorded_ones()
    message = str(info.value)
    assert "model.py.jinja: changed upstream" in message
    assert f"diff -u {RECORD['pristine']}/model.py.jinja {fake / 'model.py.jinja'}" in message
    assert "str_enum.py.jinja" not in message


def test_every_generated_python_file_has_the_header() -> None:
    files = sorted(GENERATED.rglob("*.py"))
    assert len(files) > 100
    for path in files:
        first = path.read_text().split("\n", 1)[0]
        if path.parent == GENERATED:  # the package __init__, written by scripts/codegen
            assert first.startswith("# written by scripts/codegen/__init__.py for specs/*.yaml")
            continue
        api = path.relative_to(GENERATED).parts[0]
        assert first.startswith("# ") and f"from specs/{api}.yaml" in first, path
        assert first.endswith("do not edit, run `make generate`."), path


def test_only_the_seam_imports_httpx() -> None:
    """The generated code reaches httpx through one module per package (_http.py)."""
    for path in sorted(GENERATED.rglob("*.py")):
        text = path.read_text()
        imports = re.findall(r"^[ \t]*(?:import httpx|from httpx\b)", text, re.M)
        if path.name == "_http.py":
            assert imports == ["import httpx"], path
        else:
            assert not imports, f"{path} imports httpx directly"
