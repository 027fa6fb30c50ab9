# copied from scripts/codegen/http_seam.py from specs/twilio_proxy.yaml; do not edit, run `make generate`.
"""The one place a generated package imports its HTTP library.

Every generated module that needs httpx (client.py, api/*/*.py) imports it from here, so a
move to httpx2 (openapi-python-client's next release targets it) is one line here plus the
dependency pin; see docs/ARCHITECTURE.md, "httpx and httpx2". Copied into each generated
package by `make generate` from scripts/codegen/http_seam.py.
"""

import httpx

__all__ = ["httpx"]
