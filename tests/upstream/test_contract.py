"""Contract tests: the exact requests sessionhub sends, held against the vendors' OWN
published specs (specs/upstream/, not ours), and the vendors' own examples parsed with our
models.

For every operation of the three vendors that publish a spec, the facade is called through
an `httpx.MockTransport` (the `http_client=` path) and the captured request is checked:

- `request`: openapi-core (pinned in the dev extra) validates method, path, query, headers,
  security and body against the vendor's document;
- `accept`: the media type a server built from the vendor's spec would answer for our
  `Accept` is JSON;
- `media-without-accept`: the one it would answer a request without `Accept` is JSON too;
- `form-array-items`: every array in a form body the vendor declares says what an item is;
- `vendor-examples`: each example the vendor documents for the success response parses
  with our models, through the facade.

A check that fails because the vendor's document is wrong must be named in the `contract`
section of specs/upstream/known-differences.yaml; an entry there that no longer fails is
stale. Nothing is skipped.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import json
import warnings
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
import yaml
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_schema_validator import OAS30Validator
from werkzeug.datastructures import Headers, ImmutableMultiDict

from scripts.upstream_watch import YAML_LOADER, glob
from sessionhub import ResponseValidationError, Sipher, TrinsicConnect, TwilioProxy
from tests.conftest import ROOT, sample

UPSTREAM = ROOT / "specs" / "upstream"
SNAPSHOTS = {
    "twilio_proxy": "twilio_proxy_v1.yaml",
    "trinsic_connect": "trinsic_connect_v1.json",
    "sipher": "sipher.yaml",
}
CHECKS = ("request", "accept", "media-without-accept", "form-array-items", "vendor-examples")

SERVICE = "KS" + "a" * 32
TWILIO_SID = "KC" + "a" * 32
TRINSIC_ID = "b7f3c2e0-5d1a-4c8e-9f21-3a6d0c4e8b12"
SIPHER_ID = "sess_" + "db19c8530e7003f8a6ec77799e4319b7ee1a4eb85b20c22b6f2a1e298b9725dc"


# ---------------------------------------------------------------------------------------------
# The vendors' documents


@functools.cache
def document(api: str) -> dict[str, Any]:
    path = UPSTREAM / SNAPSHOTS[api]
    text = path.read_text()
    return json.loads(text) if path.suffix == ".json" else yaml.load(text, Loader=YAML_LOADER)


@functools.cache
def openapi(api: str) -> OpenAPI:
    return OpenAPI.from_dict(document(api))


def deref(api: str, node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = document(api)
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def vendor_operation(api: str, key: str) -> dict[str, Any]:
    method, path = key.split(" ", 1)
    return deref(api, document(api)["paths"][path])[method.lower()]


def success(api: str, key: str) -> tuple[str, dict[str, Any]]:
    responses = vendor_operation(api, key)["responses"]
    status = min(s for s in map(str, responses) if s.startswith("2"))
    return status, deref(api, responses[status])


# ---------------------------------------------------------------------------------------------
# openapi-core's view of an httpx.Request


class CoreRequest:
    """An `httpx.Request` as openapi-core's `Request` protocol."""

    def __init__(self, request: httpx.Request) -> None:
        self.host_url = f"{request.url.scheme}://{request.url.netloc.decode()}"
        self.path = request.url.path
        self.method = request.method.lower()
        self.body = request.content or None
        self.content_type = request.headers.get("content-type", "").lower()
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(list(request.url.params.multi_items())),
            header=Headers(list(request.headers.items())),
            cookie=ImmutableMultiDict(),
            path={},
        )

    @property
    def full_url_pattern(self) -> str:
        return self.host_url + self.path


def validation_errors(api: str, request: httpx.Request) -> list[str]:
    with warnings.catch_warnings():
        # Trinsic's document puts `allowEmptyValue` on its TrinsicAuthorization header
        # (known-differences.yaml: trinsic-auth-header-parameter); openapi-core warns.
        warnings.filterwarnings(
            "ignore", "Use of allowEmptyValue property is deprecated", DeprecationWarning
        )
        result = openapi(api).unmarshal_request(CoreRequest(request))
    out = []
    for error in result.errors:
        causes = []
        cause = error.__cause__
        while cause is not None:
            causes.append(str(cause))
            for inner in getattr(cause, "schema_errors", ()) or ():
                causes.append(f"{list(inner.path)}: {inner.message}")
            cause = cause.__cause__
        out.append(f"{type(error).__name__}: {error} {'; '.join(causes)}".strip())
    return out


def negotiate(accept: str | None, offered: list[str]) -> str | None:
    """The media type a spec-driven server answers: the first offered one the Accept header
    allows (all of them without Accept, or with */*), in the spec's order."""
    if not offered:
        return None
    if not accept:
        return offered[0]
    wanted = [part.split(";")[0].strip().lower() for part in accept.split(",")]
    for media in offered:
        kind = media.split("/")[0]
        if any(w in (media.lower(), "*/*", f"{kind}/*") for w in wanted):
            return media
    return None


def is_json(media: str | None) -> bool:
    return media is not None and (media == "application/json" or media.endswith("+json"))


# ---------------------------------------------------------------------------------------------
# The operations


Call = Callable[[Any], Awaitable[Any]]


@dataclass(frozen=True)
class Case:
    api: str
    operation: str  # "METHOD /path" of the vendor's document (and ours)
    call: Call
    fallback: tuple[str, str] | None  # our sample body when the vendor documents no example
    name: str = ""

    @property
    def id(self) -> str:
        return f"{self.api}:{self.operation}{self.name}"


def _list_first_page(make: Callable[[Any], Any]) -> Call:
    async def call(client: Any) -> Any:
        return await make(client)

    return call


CASES = [
    Case(
        "twilio_proxy",
        "POST /v1/Services/{ServiceSid}/Sessions",
        lambda c: c.sessions.create(
            SERVICE,
            unique_name="Order #1234",
            ttl=3600,
            date_expiry=dt.datetime(2030, 1, 1, tzinfo=dt.UTC),
            mode="voice-and-message",
            status="open",
            participants=[
                {"Identifier": "+15558675310", "FriendlyName": "Alice"},
                {"Identifier": "+15553217654", "ProxyIdentifierSid": "PN" + "b" * 32},
            ],
        ),
        ("twilio-proxy", "session-create-201.json"),
    ),
    Case(
        "twilio_proxy",
        "POST /v1/Services/{ServiceSid}/Sessions",
        lambda c: c.sessions.create(SERVICE),
        ("twilio-proxy", "session-create-201.json"),
        " (no fields)",
    ),
    Case(
        "twilio_proxy",
        "GET /v1/Services/{ServiceSid}/Sessions",
        _list_first_page(lambda c: c.sessions.list(SERVICE, page_size=50)),
        ("twilio-proxy", "sessions-list-page-200.json"),
    ),
    Case(
        "twilio_proxy",
        "GET /v1/Services/{ServiceSid}/Sessions/{Sid}",
        lambda c: c.sessions.fetch(SERVICE, TWILIO_SID),
        ("twilio-proxy", "session-fetch-200.json"),
    ),
    Case(
        "twilio_proxy",
        "POST /v1/Services/{ServiceSid}/Sessions/{Sid}",
        lambda c: c.sessions.update(SERVICE, TWILIO_SID, status="closed", ttl=600),
        ("twilio-proxy", "session-update-200.json"),
    ),
    Case(
        "twilio_proxy",
        "DELETE /v1/Services/{ServiceSid}/Sessions/{Sid}",
        lambda c: c.sessions.delete(SERVICE, TWILIO_SID),
        None,
    ),
    Case(
        "trinsic_connect",
        "POST /v1/sessions",
        lambda c: c.sessions.create(
            verifications=[
                {
                    "type": "GovernmentId",
                    "governmentIdOptions": {"idNumber": True, "givenName": True},
                }
            ]
        ),
        ("trinsic-connect", "create-session-200.json"),
    ),
    Case(
        "trinsic_connect",
        "GET /v1/sessions/get",
        lambda c: c.sessions.get(TRINSIC_ID),
        ("trinsic-connect", "get-session-200-success.json"),
    ),
    Case(
        "trinsic_connect",
        "POST /v1/sessions/list",
        _list_first_page(
            lambda c: c.sessions.list(order_by="Updated", order_direction="Descending")
        ),
        ("trinsic-connect", "list-sessions-200.json"),
    ),
    Case(
        "trinsic_connect",
        "POST /v1/sessions/cancel",
        lambda c: c.sessions.cancel(TRINSIC_ID),
        ("trinsic-connect", "cancel-session-200.json"),
    ),
    Case(
        "sipher",
        "POST /v1/sessions",
        lambda c: c.sessions.create(
            defaults={"chain": "solana", "privacyLevel": "shielded", "backend": "sip-native"},
            ttl_seconds=3600,
        ),
        ("sipher", "create-session-201.json"),
    ),
    Case(
        "sipher",
        "GET /v1/sessions/{id}",
        lambda c: c.sessions.get(SIPHER_ID),
        ("sipher", "get-session-200.json"),
    ),
    Case(
        "sipher",
        "PATCH /v1/sessions/{id}",
        lambda c: c.sessions.update(
            SIPHER_ID,
            defaults={"chain": "ethereum", "defaultViewingKey": "0x" + "3f" * 32},
        ),
        ("sipher", "update-session-200.json"),
    ),
    Case(
        "sipher",
        "DELETE /v1/sessions/{id}",
        lambda c: c.sessions.delete(SIPHER_ID),
        None,
    ),
]


def make_client(api: str, http: httpx.AsyncClient) -> Any:
    if api == "twilio_proxy":
        return TwilioProxy(
            account_sid="AC" + "a" * 32, auth_token="token", http_client=http, max_retries=0
        )
    if api == "trinsic_connect":
        return TrinsicConnect(api_key="trinsic-key-123", http_client=http, max_retries=0)
    return Sipher(api_key="sk_pro_" + "0" * 48, http_client=http, max_retries=0)


async def run(case: Case, status: int, body: Any) -> tuple[httpx.Request, BaseException | None]:
    """Call the facade once with `body` as the answer; (the request it sent, its error)."""
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        request.read()
        sent.append(request)
        if body is None:
            return httpx.Response(status)
        return httpx.Response(status, json=body)

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        client = make_client(case.api, http)
        error: BaseException | None = None
        try:
            await case.call(client)
        except Exception as exc:
            error = exc
    assert len(sent) == 1, f"{case.id}: expected one request, got {len(sent)}"
    return sent[0], error


def vendor_examples(api: str, key: str) -> list[tuple[str, Any]]:
    """(name, body) of every example the vendor documents for the success response."""
    _status, response = success(api, key)
    found = []
    for media, content in (response.get("content") or {}).items():
        if not is_json(media):
            continue
        for name, example in (content.get("examples") or {}).items():
            found.append((f"{media} examples.{name}", deref(api, example)["value"]))
        if "example" in content:
            found.append((f"{media} example", content["example"]))
        schema = deref(api, content.get("schema") or {})
        if "example" in schema:
            found.append((f"{media} schema example", schema["example"]))
        break  # one JSON media type is enough: the others repeat the same schema
    return found


# ---------------------------------------------------------------------------------------------
# Our own reading of what the vendor's spec cannot check


@functools.cache
def our_schema(api: str, name: str) -> dict[str, Any]:
    spec = yaml.safe_load((ROOT / "specs" / f"{api}.yaml").read_text())
    return dict(spec["components"]["schemas"][name])


def untyped_form_arrays(api: str, key: str, request: httpx.Request) -> list[str]:
    """Arrays of the vendor's form body whose items say nothing, each with our own check of
    what we sent in it (an empty list means the vendor types every array)."""
    body = vendor_operation(api, key).get("requestBody")
    if body is None:
        return []
    content = deref(api, body).get("content") or {}
    form = content.get("application/x-www-form-urlencoded")
    if form is None:
        return []
    found = []
    sent = parse_qsl(request.content.decode(), keep_blank_values=True)
    for name, raw in (deref(api, form["schema"]).get("properties") or {}).items():
        prop = deref(api, raw)
        if prop.get("type") != "array" or deref(api, prop.get("items", {})):
            continue
        found.append(name)
        # What the vendor's `items: {}` cannot say: each value is a JSON participant object.
        validator = OAS30Validator(our_schema(api, "ParticipantRequest"))
        for field, value in sent:
            if field == name:
                participant = json.loads(value)
                assert isinstance(participant, dict), f"{name} item {value!r} is not an object"
                validator.validate(participant)
    return found


# ---------------------------------------------------------------------------------------------
# The checks


@functools.cache
def failures(case: Case) -> tuple[tuple[str, str], ...]:
    """(check, detail) for every check that fails on this case."""
    return tuple(asyncio.run(_failures(case)))


async def _failures(case: Case) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    status_text, response = success(case.api, case.operation)
    status = int(status_text)
    examples = vendor_examples(case.api, case.operation)
    reply = examples[0][1] if examples else (sample(*case.fallback) if case.fallback else None)
    request, error = await run(case, status, reply)

    for problem in validation_errors(case.api, request):
        found.append(("request", problem))

    offered = list(response.get("content") or {})
    if offered:
        chosen = negotiate(request.headers.get("accept"), offered)
        if not is_json(chosen):
            found.append(("accept", f"Accept {request.headers.get('accept')!r} gets {chosen!r}"))
        bare = negotiate(None, offered)
        if not is_json(bare):
            found.append(("media-without-accept", f"a request without Accept gets {bare!r}"))

    for name in untyped_form_arrays(case.api, case.operation, request):
        found.append(("form-array-items", f"{name}: items: {{}}"))

    if not examples and error is not None:
        raise AssertionError(f"{case.id}: our sample did not parse: {error}")
    for index, (name, body) in enumerate(examples):
        if index:
            _request, error = await run(case, status, body)
        if error is not None:
            assert isinstance(error, ResponseValidationError), f"{case.id}: {error!r}"
            found.append(("vendor-examples", f"{name}: {error}"))
    return found


def known_contract() -> list[dict[str, Any]]:
    data = yaml.safe_load((UPSTREAM / "known-differences.yaml").read_text())
    entries = list(data.get("contract") or [])
    for entry in entries:
        missing = {"id", "api", "check", "operations", "kind", "reason"} - set(entry)
        assert not missing, f"contract entry {entry.get('id')} lacks {sorted(missing)}"
        assert entry["check"] in CHECKS, f"{entry['id']}: unknown check {entry['check']}"
        assert entry["kind"] == "vendor-bug", f"{entry['id']}: contract entries are vendor bugs"
    return entries


def listed(case: Case, check: str) -> list[str]:
    ids = []
    for entry in known_contract():
        ops = entry["operations"]
        ops = [ops] if isinstance(ops, str) else ops
        if (
            entry["api"] == case.api
            and entry["check"] == check
            and any(glob(op, case.operation) for op in ops)
        ):
            ids.append(entry["id"])
    return ids


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_contract(case: Case) -> None:
    unexplained = [(check, detail) for check, detail in failures(case) if not listed(case, check)]
    assert not unexplained, (
        f"{case.id} breaks the vendor's own spec in ways known-differences.yaml does not name "
        f"as a vendor bug: {unexplained}"
    )
    failed = {check for check, _detail in failures(case)}
    for check in CHECKS:
        for entry_id in listed(case, check):
            assert check in failed, (
                f"{entry_id}: the vendor bug no longer shows on {case.id} ({check} passes); "
                "remove the entry from known-differences.yaml"
            )


def test_every_operation_of_the_published_specs_has_a_contract_case() -> None:
    for api in SNAPSHOTS:
        ours = yaml.safe_load((ROOT / "specs" / f"{api}.yaml").read_text())
        operations = {
            f"{method.upper()} {path}"
            for path, item in ours["paths"].items()
            for method in item
            if method in ("get", "post", "put", "patch", "delete")
        }
        assert operations == {c.operation for c in CASES if c.api == api}, api


def test_every_contract_entry_names_a_failure_that_happens() -> None:
    for entry in known_contract():
        hits = [
            c
            for c in CASES
            if entry["id"] in listed(c, entry["check"])
            and any(check == entry["check"] for check, _d in failures(c))
        ]
        assert hits, f"{entry['id']} matches no failing contract check; remove it"


def test_requests_carry_accept_json_through_http_client() -> None:
    for case in CASES:
        request, _error = asyncio.run(run(case, 200, None))
        assert request.headers["accept"] == "application/json", case.id


def test_validation_catches_a_request_that_breaks_the_vendor_spec() -> None:
    """The validator is not a rubber stamp: a Ttl that is no integer, and a Sipher id with
    uppercase hex, are reported."""
    bad_form = httpx.Request(
        "POST",
        f"https://proxy.twilio.com/v1/Services/{SERVICE}/Sessions",
        headers={
            "Authorization": "Basic eDp5",
            "Content-Type": "application/x-www-form-urlencoded",
        },
        content=b"Ttl=soon",
    )
    assert validation_errors("twilio_proxy", bad_form)
    bad_id = httpx.Request(
        "GET",
        "https://sipher.sip-protocol.org/v1/sessions/sess_" + "A" * 64,
        headers={"X-API-Key": "k"},
    )
    assert validation_errors("sipher", bad_id)
    no_auth = httpx.Request(
        "GET", f"https://connect-api.trinsic.id/v1/sessions/get?sessionId={TRINSIC_ID}"
    )
    assert validation_errors("trinsic_connect", no_auth)
