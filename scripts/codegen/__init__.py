"""Shared pieces of `scripts/generate.py` and `scripts/check_drift.py`.

The generated tree is a pure function of: the specs, the pinned generator and ruff, and the
committed config and templates under `scripts/codegen/`. This module names those inputs,
runs the generator, and computes the manifest that records them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from importlib import metadata
from pathlib import Path

from .constraints import ConstraintError
from .constraints import write as write_constraints

ROOT = Path(__file__).resolve().parents[2]
CODEGEN = ROOT / "scripts" / "codegen"
CONFIG = CODEGEN / "opc-config.yaml"
TEMPLATES = CODEGEN / "templates"
RUNNER = CODEGEN / "opc.py"  # the generator CLI plus sessionhub's template filters
HTTP_SEAM = CODEGEN / "http_seam.py"  # copied into each package as _http.py
CONSTRAINTS = CODEGEN / "constraints.py"  # writes each package's constraints.py
SPECS = ROOT / "specs"
GENERATED = ROOT / "generated"
PACKAGE = "_sessionhub_generated"
MANIFEST_NAME = "manifest.json"

# API name (= generated sub-package name) -> spec file name under specs/.
APIS: dict[str, str] = {
    "equos": "equos.yaml",
    "sipher": "sipher.yaml",
    "trinsic_connect": "trinsic_connect.yaml",
    "twilio_proxy": "twilio_proxy.yaml",
}

PACKAGE_INIT = (
    "# written by scripts/codegen/__init__.py for specs/*.yaml; do not edit, run `make generate`.\n"
    '''"""Generated API packages of sessionhub. DO NOT EDIT.

Every sub-package here is written by `make generate` (scripts/generate.py) from a spec in
specs/ with the pinned openapi-python-client and ruff. Only sessionhub's facade imports them;
`make check-drift` fails when this tree differs from what the specs produce.
"""
'''
)

TOOLS = ("openapi-python-client", "ruff")


class CodegenError(Exception):
    """A generation step failed; the message says which and why."""


def pinned_versions() -> dict[str, str]:
    """The exact pins of the generator and ruff, read from pyproject.toml's dev extra."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins: dict[str, str] = {}
    for requirement in project["optional-dependencies"]["dev"]:
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)==([^\s;]+)", requirement.strip())
        if match and match.group(1) in TOOLS:
            pins[match.group(1)] = match.group(2)
    missing = [tool for tool in TOOLS if tool not in pins]
    if missing:
        raise CodegenError(f"pyproject.toml must pin {', '.join(missing)} exactly (==)")
    return pins


def installed_versions() -> dict[str, str | None]:
    versions: dict[str, str | None] = {}
    for tool in TOOLS:
        try:
            versions[tool] = metadata.version(tool)
        except metadata.PackageNotFoundError:
            versions[tool] = None
    return versions


def check_tool_versions() -> None:
    """Refuse to generate with anything but the pinned generator and ruff."""
    pins, installed = pinned_versions(), installed_versions()
    wrong = [
        f"{tool}: installed {installed[tool] or 'nothing'}, pinned {pins[tool]}"
        for tool in TOOLS
        if installed[tool] != pins[tool]
    ]
    if wrong:
        raise CodegenError(
            "generator tool versions differ from the pins in pyproject.toml ("
            + "; ".join(wrong)
            + "). Run `make install` (or pip install -e '.[dev]') and try again."
        )


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def template_hash() -> str:
    """One hash over the generator config, runner, seam, constraints writer and every custom
    template (path and bytes)."""
    digest = hashlib.sha256()
    files = [
        CONFIG,
        RUNNER,
        HTTP_SEAM,
        CONSTRAINTS,
        *sorted(p for p in TEMPLATES.rglob("*") if p.is_file()),
    ]
    for path in files:
        digest.update(path.relative_to(CODEGEN).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def build_manifest(specs_dir: Path) -> dict[str, object]:
    return {
        "generator": {tool: pinned_versions()[tool] for tool in TOOLS},
        "templates_sha256": template_hash(),
        "apis": {
            api: {
                "spec": f"specs/{spec}",
                "spec_sha256": sha256_file(specs_dir / spec),
                "package": f"{PACKAGE}.{api}",
            }
            for api, spec in sorted(APIS.items())
        },
    }


def manifest_text(manifest: dict[str, object]) -> str:
    return json.dumps(manifest, indent=2, sort_keys=True) + "\n"


def _run_generator(spec: Path, output: Path) -> None:
    env = dict(os.environ)
    # The post hooks call `ruff` by name: make it the pinned one from this environment.
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    command = [
        sys.executable,
        str(RUNNER),
        "generate",
        "--path",
        str(spec),
        "--meta",
        "none",
        "--config",
        str(CONFIG),
        "--custom-template-path",
        str(TEMPLATES),
        "--output-path",
        str(output),
        "--fail-on-warning",
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not (output / "__init__.py").is_file():
        raise CodegenError(
            f"openapi-python-client failed on {spec.name} (exit {result.returncode}):\n"
            + result.stdout
            + result.stderr
        )
    (output / "_http.py").write_text(HTTP_SEAM.read_text())
    try:
        write_constraints(spec, output / "constraints.py")
    except ConstraintError as exc:
        raise CodegenError(f"{spec.name}: {exc}") from None
    ruff = str(Path(sys.executable).parent / "ruff")
    subprocess.run(
        [ruff, "format", "--isolated", "--no-cache", "-q", str(output / "constraints.py")],
        env=env,
        check=True,
    )
    _add_headers(output, spec.name)


def header(spec_name: str, relative: str) -> str:
    """The first line of every generated Python file."""
    generator = f"generated by openapi-python-client {pinned_versions()['openapi-python-client']}"
    source = {
        "_http.py": "copied from scripts/codegen/http_seam.py",
        "constraints.py": "written by scripts/codegen/constraints.py",
    }.get(relative, generator)
    return f"# {source} from specs/{spec_name}; do not edit, run `make generate`.\n"


def _add_headers(output: Path, spec_name: str) -> None:
    for path in sorted(output.rglob("*.py")):
        relative = path.relative_to(output).as_posix()
        path.write_text(header(spec_name, relative) + path.read_text())


def generate_into(root: Path, specs_dir: Path, apis: list[str]) -> None:
    """Write `<root>/_sessionhub_generated/<api>/` for each api, plus the package files.

    Each API is generated into a scratch folder first and then swapped in whole, so a
    deleted operation or model cannot linger and a failed run leaves the old tree intact.
    """
    package = root / PACKAGE
    package.mkdir(parents=True, exist_ok=True)
    for api in apis:
        with tempfile.TemporaryDirectory(prefix=f"sessionhub-gen-{api}-") as scratch:
            output = Path(scratch) / api
            _run_generator(specs_dir / APIS[api], output)
            (output / "py.typed").write_text("")
            target = package / api
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(output, target, ignore=shutil.ignore_patterns("__pycache__"))
    (package / "__init__.py").write_text(PACKAGE_INIT)
    (package / "py.typed").write_text("")
    (root / MANIFEST_NAME).write_text(manifest_text(build_manifest(specs_dir)))
