"""schemathesis against the sandbox: every operation of our four specs, with the standard
response checks (no 5xx, documented status, documented content type, documented headers,
body matches the schema), positive and negative inputs.

Each example is sent twice: as generated (made-up ids reach the not-found paths) and again
pointed at real resources, a session created just before and the sandbox's Twilio
service (the success paths, whose bodies are the ones most worth validating). Runs in-process
over ASGI, derandomized so that CI is reproducible; set SANDBOX_CONFORMANCE_EXAMPLES to
search harder locally.
"""

from __future__ import annotations

import asyncio
import base64
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from sessionhub.sandbox import (
    EQUOS_API_KEY,
    SIPHER_API_KEY,
    TRINSIC_API_KEY,
    TWILIO_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN,
    TWILIO_SERVICE_SID,
    create_app,
)
from sessionhub.sandbox._constants import OPERATIONS

Case = schemathesis.Case[Any]
SPECS = Path(__file__).resolve().parents[2] / "specs"
EXAMPLES = int(os.environ.get("SANDBOX_CONFORMANCE_EXAMPLES", "20"))
DERANDOMIZE = "SANDBOX_CONFORMANCE_EXAMPLES" not in os.environ  # a local search varies
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
APP = create_app()

TRINSIC = {"Authorization": f"Bearer {TRINSIC_API_KEY}"}
SIPHER = {"X-API-Key": SIPHER_API_KEY}
EQUOS = {"x-api-key": EQUOS_API_KEY}
TWILIO_BASIC = base64.b64encode(f"{TWILIO_ACCOUNT_SID}:{TWILIO_AUTH_TOKEN}".encode()).decode()
TWILIO = {"Authorization": f"Basic {TWILIO_BASIC}"}
TRINSIC_SESSIONS = "/trinsic/v1/sessions"
SIPHER_SESSIONS = "/sipher/v1/sessions"
EQUOS_SESSIONS = "/equos/v3/sessions"
TWILIO_SESSIONS = f"/twilio/v1/Services/{TWILIO_SERVICE_SID}/Sessions"


def _post(path: str, **kwargs: Any) -> Any:
    """POST to the app in-process (a sync test: no loop is running) and return the JSON."""

    async def post() -> httpx.Response:
        transport = httpx.ASGITransport(APP)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            return await client.post(path, **kwargs)

    response = asyncio.run(post())
    assert response.is_success, response.text
    return response.json()


def _with_trinsic_session(case: Case) -> bool:
    if case.query is None or "sessionId" not in case.query:
        return False
    case.query["sessionId"] = _post(TRINSIC_SESSIONS, headers=TRINSIC, json={})["session"]["id"]
    return True


def _with_sipher_session(case: Case) -> bool:
    if case.path_parameters is None or "id" not in case.path_parameters:
        return False
    created = _post(SIPHER_SESSIONS, headers=SIPHER, json={"defaults": {}})
    case.path_parameters["id"] = created["data"]["sessionId"]
    return True


def _with_equos_session(case: Case) -> bool:
    if case.path_parameters is None or "id" not in case.path_parameters:
        return False
    body = {"name": "conformance", "avatar": {"id": "cavatar"}}
    case.path_parameters["id"] = _post(EQUOS_SESSIONS, headers=EQUOS, json=body)["session"]["id"]
    return True


def _with_twilio_session(case: Case) -> bool:
    assert case.path_parameters is not None
    case.path_parameters["ServiceSid"] = TWILIO_SERVICE_SID  # every operation is per service
    if "Sid" in case.path_parameters:
        case.path_parameters["Sid"] = _post(TWILIO_SESSIONS, headers=TWILIO)["sid"]
    return True


# spec file -> (URL prefix, auth headers, how to point a case at existing resources)
VENDORS: dict[str, tuple[str, dict[str, str], Callable[[Case], bool]]] = {
    "trinsic_connect": (
        "trinsic",
        {**TRINSIC, "TrinsicAuthorization": f"Bearer {TRINSIC_API_KEY}"},
        _with_trinsic_session,
    ),
    "sipher": ("sipher", SIPHER, _with_sipher_session),
    "equos": ("equos", EQUOS, _with_equos_session),
    "twilio_proxy": ("twilio", TWILIO, _with_twilio_session),
}


def _conformance_test(spec: str) -> Any:
    prefix, headers, use_existing = VENDORS[spec]
    schema = schemathesis.openapi.from_path(SPECS / f"{spec}.yaml")

    @schema.parametrize()
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=DERANDOMIZE,
        suppress_health_check=list(HealthCheck),
    )
    def test(case: Case) -> None:
        base_url = f"http://testserver/{prefix}"
        case.call_and_validate(base_url=base_url, app=APP, headers=headers, checks=CHECKS)
        if use_existing(case):
            case.call_and_validate(base_url=base_url, app=APP, headers=headers, checks=CHECKS)

    return test


test_trinsic_connect = _conformance_test("trinsic_connect")
test_sipher = _conformance_test("sipher")
test_equos = _conformance_test("equos")
test_twilio_proxy = _conformance_test("twilio_proxy")


def test_the_sandbox_serves_exactly_the_operations_of_the_specs() -> None:
    """A spec that gains an operation fails here until the sandbox serves it (and the
    request log and fault scopes know its name)."""
    for spec, (prefix, _, _) in VENDORS.items():
        in_spec = set()
        for result in schemathesis.openapi.from_path(SPECS / f"{spec}.yaml").get_all_operations():
            assert isinstance(result, Ok), result
            in_spec.add(result.ok().definition.raw["operationId"])
        served = {route.name for route in APP.vendors[prefix].routes()}
        names = OPERATIONS[prefix]  # type: ignore[index]
        assert served == set(names), spec  # the clients' names (`sessions.create`)
        assert in_spec == set(names.values()), spec  # each mapped to one operationId
