"""The sandbox under hostile input: oversize bodies and malformed requests get the
vendor's own 4xx error, never a 500 or a traceback. Raw httpx over a real loopback socket,
since the point is what the sandbox does with bytes no sessionhub client would send.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import pytest_asyncio

from sessionhub.sandbox import (
    EQUOS_API_KEY,
    MAX_BODY_BYTES,
    SIPHER_API_KEY,
    TRINSIC_API_KEY,
    TWILIO_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN,
    TWILIO_SERVICE_SID,
    Sandbox,
    serve,
)

from .conftest import report

ENDPOINTS: dict[str, dict[str, Any]] = {
    "trinsic": {
        "path": "/trinsic/v1/sessions",
        "headers": {"Authorization": f"Bearer {TRINSIC_API_KEY}"},
        "form": False,
    },
    "sipher": {
        "path": "/sipher/v1/sessions",
        "headers": {"X-API-Key": SIPHER_API_KEY},
        "form": False,
    },
    "equos": {"path": "/equos/v3/sessions", "headers": {"x-api-key": EQUOS_API_KEY}, "form": False},
    "twilio": {
        "path": f"/twilio/v1/Services/{TWILIO_SERVICE_SID}/Sessions",
        "headers": {},
        "form": True,
    },
}
TWILIO_AUTH = httpx.BasicAuth(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)

JSON = "application/json"
FORM = "application/x-www-form-urlencoded"

# (name, body, content type or None for the vendor's own)
BODIES: list[tuple[str, bytes, str | None]] = [
    ("oversize", b'{"name": "' + b"x" * (MAX_BODY_BYTES + 10) + b'"}', None),
    ("truncated-json", b'{"name": "ab', JSON),
    ("not-json", b"hello", JSON),
    ("non-utf8", b'{"name": "\xff\xfe"}', JSON),
    ("nul-bytes", b'{"name": "a\x00b"}\x00', JSON),
    ("json-array", b"[1, 2, 3]", JSON),
    ("json-null", b"null", JSON),
    ("json-string", b'"session"', JSON),
    ("nan", b'{"ttlSeconds": NaN}', JSON),
    ("deep-nesting", b"[" * 100_000 + b"]" * 100_000, JSON),
    ("huge-number", b'{"ttlSeconds": ' + b"9" * 5000 + b"}", JSON),
    ("wrong-types", b'{"defaults": 5, "verifications": "x", "name": 1, "avatar": []}', JSON),
    ("empty", b"", JSON),
    ("wrong-content-type", b"<xml/>", "application/xml"),
    ("bad-form-escapes", b"UniqueName=%zz%&Ttl=%%%&Participants=%FF", FORM),
    ("form-participants-not-json", b"Participants=%7Bnot-json", FORM),
    ("form-huge-ttl", b"Ttl=" + b"9" * 5000, FORM),
    ("form-non-utf8", b"UniqueName=\xff\xfe", FORM),
]

# (body, vendor) the vendor accepts: Twilio's create needs no parameter, and it reads an
# empty body as an empty form whatever its content type. Every other body is refused.
TOLERATED = {("empty", "twilio")}

FIGURES: dict[str, int] = {}


# One sandbox for the module: every test here runs on the module's event loop.
pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def sandbox() -> AsyncIterator[Sandbox]:
    async with serve() as running:
        yield running


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def http(sandbox: Sandbox) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=sandbox.url, timeout=30) as client:
        yield client


def _vendor_error(vendor: str, response: httpx.Response) -> None:
    """The body is the vendor's own error shape."""
    if vendor == "trinsic" and response.status_code in (404, 405) and not response.content:
        return  # ASP.NET: an unknown route or method has an empty body
    media = response.headers["content-type"].split(";")[0]
    assert media == "application/json" or media.endswith("+json"), response.text[:200]
    body = response.json()
    if vendor == "trinsic":
        assert (
            (isinstance(body, list) and all("errorMessage" in item for item in body))
            or (isinstance(body, dict) and "message" in body)
            or (media == "application/problem+json" and body["status"] == response.status_code)
        ), body
    elif vendor == "sipher":
        assert body["success"] is False and {"code", "message"} <= body["error"].keys(), body
    elif vendor == "equos":
        assert "message" in body and body.get("statusCode") == response.status_code, body
    else:
        assert {"message", "status"} <= body.keys() and body["status"] == response.status_code, body


def _cases() -> list[Any]:
    cases = []
    for name, body, content_type in BODIES:
        for vendor in ENDPOINTS:
            cases.append(pytest.param(vendor, name, body, content_type, id=f"{name}-{vendor}"))
    # past the sandbox's drain limit (16 x the body limit): once, it is 16 MB of traffic
    huge = b"x" * (16 * MAX_BODY_BYTES + 1)
    cases.append(pytest.param("sipher", "oversize-16MB", huge, None, id="oversize-16MB-sipher"))
    return cases


@pytest.mark.parametrize(("vendor", "name", "body", "content_type"), _cases())
async def test_sandbox_answers_hostile_bodies_with_the_vendors_error(
    http: httpx.AsyncClient, vendor: str, name: str, body: bytes, content_type: str | None
) -> None:
    endpoint = ENDPOINTS[vendor]
    media = content_type or (FORM if endpoint["form"] else JSON)
    response = await http.post(
        endpoint["path"],
        content=body,
        headers={**endpoint["headers"], "content-type": media},
        auth=TWILIO_AUTH if vendor == "twilio" else None,
    )
    text = response.text
    assert "Traceback" not in text and 'File "' not in text
    if (name, vendor) in TOLERATED:
        assert response.status_code == 201, f"HTTP {response.status_code}: {text[:300]}"
        FIGURES["accepted"] = FIGURES.get("accepted", 0) + 1
        return
    assert 400 <= response.status_code < 500, f"HTTP {response.status_code}: {text[:300]}"
    if name.startswith("oversize"):
        assert response.status_code == 413
    _vendor_error(vendor, response)
    FIGURES["rejected"] = FIGURES.get("rejected", 0) + 1


@pytest.mark.parametrize("vendor", list(ENDPOINTS))
@pytest.mark.parametrize(
    "path",
    [
        "/%2e%2e/%2e%2e/x",
        "/sessions%00",
        "/" + "a" * 10_000,
        "/%ff%fe",
        "/\u00fc",
    ],
)
async def test_sandbox_answers_odd_paths_with_the_vendors_error(
    http: httpx.AsyncClient, vendor: str, path: str
) -> None:
    endpoint = ENDPOINTS[vendor]
    response = await http.get(
        f"/{vendor}{path}",
        headers=endpoint["headers"],
        auth=TWILIO_AUTH if vendor == "twilio" else None,
    )
    assert 400 <= response.status_code < 500, f"HTTP {response.status_code}: {response.text[:300]}"
    assert "Traceback" not in response.text
    _vendor_error(vendor, response)


def _hostile_bodies_summary() -> str | None:
    """What the sandbox answered to the hostile bodies, for the end-of-run figures."""
    if not FIGURES:
        return None
    return (
        f"sandbox hostile bodies: {len(BODIES)} bodies x {len(ENDPOINTS)} vendors: "
        f"{FIGURES.get('rejected', 0)} answered with the vendor's 4xx error, "
        f"{FIGURES.get('accepted', 0)} tolerated (2xx), none answered with a 5xx"
    )


report("sandbox hostile bodies", _hostile_bodies_summary)
