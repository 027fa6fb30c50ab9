"""The wheel really ships sessionhub and the four generated packages, and works alone."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

# slow: builds a wheel and installs it into a fresh virtual environment
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
GENERATED = ("equos", "sipher", "trinsic_connect", "twilio_proxy")


def test_wheel_installs_into_a_fresh_venv_and_imports(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("sessionhub-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "sessionhub/py.typed" in names
    for api in GENERATED:
        assert f"_sessionhub_generated/{api}/py.typed" in names
        assert f"_sessionhub_generated/{api}/models/__init__.py" in names
    assert not [name for name in names if name.startswith(("tests/", "specs/", "scripts/"))]
    # the sandbox's request validation reads our specs: they ship beside it, byte for byte
    for api in GENERATED:
        packaged = zipfile.ZipFile(wheel).read(f"sessionhub/sandbox/_specs/{api}.yaml")
        assert packaged == (ROOT / "specs" / f"{api}.yaml").read_bytes()
    assert not [name for name in names if "upstream" in name]

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", f"{wheel}[sandbox]"], check=True
    )
    probe = (
        "import sessionhub, importlib\n"
        "assert sessionhub.TwilioProxy and sessionhub.Sipher and sessionhub.Equos\n"
        "assert sessionhub.TrinsicConnect\n"
        f"for api in {GENERATED!r}:\n"
        "    importlib.import_module(f'_sessionhub_generated.{api}.models')\n"
        "print(sessionhub.__file__)\n"
    )
    out = subprocess.run(
        [str(python), "-c", probe], check=True, capture_output=True, text=True, cwd=tmp_path
    )
    assert str(env_dir) in out.stdout  # imported from the fresh venv, not the checkout

    # The installed sandbox finds its packaged specs and validates a request with them.
    sandbox_probe = (
        "import json, httpx\n"
        "from sessionhub.sandbox import serve_in_thread, SIPHER_API_KEY\n"
        "from sessionhub.sandbox._spec import spec_path\n"
        "print(spec_path('sipher'))\n"
        "with serve_in_thread() as sandbox:\n"
        "    r = httpx.post(sandbox.base_url('sipher') + '/v1/sessions',\n"
        "                   headers={'X-API-Key': SIPHER_API_KEY},\n"
        "                   json={'defaults': {'chain': 'tron'}})\n"
        "    print(r.status_code, r.json()['error']['details'][0]['code'])\n"
    )
    out = subprocess.run(
        [str(python), "-c", sandbox_probe],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    spec_file, answer = out.stdout.splitlines()
    assert spec_file.startswith(str(env_dir)) and "sessionhub/sandbox/_specs" in spec_file
    assert answer == "400 invalid_value"
