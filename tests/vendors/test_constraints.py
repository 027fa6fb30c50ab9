"""Every constrained input of the four specs is enforced by the facade, at both sides of each
limit the spec states.

The test walks specs/*.yaml itself (not the generated constraints module), collects every
input a caller controls (path and query parameters, request body fields, and the fields of
every object a caller passes as a nested dict), and derives cases from each schema: the
values at a limit are accepted and sent, the values just past it are an InvalidRequestError
with nothing sent. `CALLS` says how each input is reached through the public API; an input
the walk finds that `CALLS` does not map (or `INTERNAL` does not explain) fails the test, so
a spec edit cannot add an unchecked input.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from sessionhub import Equos, InvalidRequestError, Sipher, TrinsicConnect, TwilioProxy
from tests.conftest import Script
from tests.test_readme import equos, sipher, trinsic, twilio

SPECS = Path(__file__).resolve().parents[2] / "specs"
SERVICE = "KS" + "a" * 32
KC = "KC" + "b" * 32
SIPHER_ID = "sess_" + "c" * 64

Call = Callable[[Any, Any], Awaitable[Any]]


# --- walking a spec --------------------------------------------------------------------


def load(api: str) -> dict[str, Any]:
    return yaml.safe_load((SPECS / f"{api}.yaml").read_text())


def resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with a top-level `$ref` / `allOf: [$ref]` merged in (siblings win)."""
    schema = dict(schema)
    refs = [schema.pop("$ref")] if "$ref" in schema else []
    refs += [part["$ref"] for part in schema.pop("allOf", [])]
    for ref in refs:
        target = resolve(spec, spec["components"]["schemas"][ref.rsplit("/", 1)[-1]])
        schema = {**target, **schema}
    return schema


def ref_names(node: Any) -> set[str]:
    if isinstance(node, list):
        return set().union(*map(ref_names, node)) if node else set()
    if not isinstance(node, dict):
        return set()
    found = {node["$ref"].rsplit("/", 1)[-1]} if isinstance(node.get("$ref"), str) else set()
    return found.union(*map(ref_names, node.values()))


def closure(names: set[str], components: dict[str, Any]) -> set[str]:
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(ref_names(components[name]))
    return seen


def inputs(api: str) -> dict[str, dict[str, Any]]:
    """Every caller-controlled input of the spec: `op.Param`, `op.body.Field`, `Schema` (an
    object a caller passes inside a body, or one the spec documents without referencing,
    such as Twilio's ParticipantRequest) and `Schema.field`, each with its resolved schema."""
    spec = load(api)
    components = spec["components"]["schemas"]
    found: dict[str, dict[str, Any]] = {}
    inside: set[str] = set()
    for item in spec["paths"].values():
        for method, op in item.items():
            if method == "parameters":
                continue
            for raw in [*item.get("parameters", []), *op.get("parameters", [])]:
                parameter = raw
                if "$ref" in raw:
                    parameter = spec["components"]["parameters"][raw["$ref"].rsplit("/")[-1]]
                key = f"{op['operationId']}.{parameter['name']}"
                found[key] = resolve(spec, parameter["schema"])
            if "requestBody" in op:
                ((media,),) = [op["requestBody"]["content"].values()]
                for field, schema in resolve(spec, media["schema"]).get("properties", {}).items():
                    found[f"{op['operationId']}.body.{field}"] = resolve(spec, schema)
                    inside |= ref_names(schema)
    others = {key: value for key, value in spec["components"].items() if key != "schemas"}
    anywhere = ref_names([spec["paths"], others, *components.values()])
    unreferenced = set(components) - anywhere
    for name in sorted(closure(inside, components) | unreferenced):
        schema = resolve(spec, components[name])
        if schema.get("type") != "object":
            continue  # enums: their cases come with each field that uses them
        found[name] = schema
        for field, sub in schema.get("properties", {}).items():
            found[f"{name}.{field}"] = resolve(spec, sub)
    return found


# --- values at and past each limit -------------------------------------------------------


def synth(pattern: str, length: int | None = None) -> str:
    """A string matching `pattern` (this spec subset: literals, `[class]{n}` and `[class]+`),
    `length` long when given."""
    body = pattern.removeprefix("^").removesuffix("$")
    tokens = re.findall(r"\[[^\]]+\](?:\{\d+\}|\+)|[^\[]", body)
    fixed = "".join(t for t in tokens if not t.startswith("["))
    parts = []
    for token in tokens:
        if not token.startswith("["):
            parts.append(token)
            continue
        first = token[1]
        if token.endswith("+"):
            grow = max(1, (length or 0) - len(fixed) - sum(len(p) for p in parts if len(p) > 1))
            parts.append(first * grow)
        else:
            parts.append(first * int(token[token.index("{") + 1 : -1]))
    text = "".join(parts)
    assert re.fullmatch(body, text), (pattern, text)
    return text


def valid(spec_schema: dict[str, Any], spec: dict[str, Any]) -> Any:
    """A value the schema accepts, in the form the facade takes."""
    schema = resolve(spec, spec_schema)
    if "oneOf" in schema:
        return valid(schema["oneOf"][-1], spec)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "string":
        if schema.get("format") == "date-time":
            return dt.datetime(2030, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
        if schema.get("format") == "uri":
            return "wss://live.example.com"
        if "pattern" in schema:
            return synth(schema["pattern"], schema.get("minLength"))
        return "v" * max(1, schema.get("minLength", 1))
    if kind == "integer":
        return schema.get("minimum", 1)
    if kind == "boolean":
        return True
    if kind == "array":
        return [valid(schema["items"], spec) for _ in range(schema.get("minItems", 1))]
    if kind == "object":
        if "properties" not in schema:
            return {"key": "value"}
        return {key: valid(schema["properties"][key], spec) for key in schema.get("required", [])}
    return "free"


@dataclass
class Case:
    label: str
    value: Any
    accepted: bool


WRONG_TYPE = {
    "string": 12345,
    "integer": "1",
    "boolean": 1,
    "array": "not-a-list",
    "object": ["not", "a", "dict"],
}


def cases(schema: dict[str, Any], spec: dict[str, Any], *, item: Any = None) -> Iterator[Case]:
    """The boundary cases of one schema. `item` is a valid element for arrays whose
    elements the facade builds itself (Twilio's JSON-encoded participants)."""
    schema = resolve(spec, schema)
    kind = schema.get("type")
    if "oneOf" in schema:
        yield Case("not any alternative", 42, False)
        return
    if "enum" in schema:
        for value in schema["enum"]:
            yield Case(f"enum {value!r}", value, True)
        yield Case("not in enum", f"{schema['enum'][0]}x", False)
        return
    if kind in WRONG_TYPE and schema.get("format") != "date-time":
        yield Case("wrong type", WRONG_TYPE[kind], False)
    if kind == "integer":
        yield Case("bool is not an integer", True, False)
    if kind == "string":
        yield from _string_cases(schema, spec)
    if kind == "integer":
        yield from _integer_cases(schema)
    if kind == "array":
        element = item if item is not None else valid(schema["items"], spec)
        if "maxItems" in schema:
            n = schema["maxItems"]
            yield Case(f"{n} items (maxItems)", [element] * n, True)
            yield Case(f"{n + 1} items", [element] * (n + 1), False)
        low = schema.get("minItems", 0)
        yield Case(f"{low} items (minItems)", [element] * low, True)
        if low:
            yield Case(f"{low - 1} items", [element] * (low - 1), False)
    if kind == "object":
        minimal = valid(schema, spec)
        yield Case("minimal", minimal, True)
        if "properties" in schema:
            yield Case("unknown key", {**minimal, "nmae": "x"}, False)
            every = {key: valid(sub, spec) for key, sub in schema["properties"].items()}
            yield Case("every key", every, True)
            for key in schema.get("required", []):
                yield Case(f"missing {key}", {k: v for k, v in minimal.items() if k != key}, False)
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            yield Case("bad extra value", {"key": WRONG_TYPE[extra["type"]]}, False)


def _string_cases(schema: dict[str, Any], spec: dict[str, Any]) -> Iterator[Case]:
    fmt = schema.get("format")
    if fmt == "date-time":
        yield Case("datetime", dt.datetime(2030, 1, 2, 3, 4, 5, tzinfo=dt.UTC), True)
        yield Case("naive datetime (UTC)", dt.datetime(2030, 1, 2, 3, 4, 5), True)
        yield Case("latest instant", dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.UTC), True)
        late = dt.datetime(9999, 12, 31, 23, 30, tzinfo=dt.timezone(-dt.timedelta(hours=2)))
        yield Case("past year 9999 in UTC", late, False)
        yield Case("a string is not a datetime", "2030-01-02T03:04:05Z", False)
        return
    if fmt == "uri":
        yield Case("absolute URL", "wss://live.example.com/room", True)
        yield Case("relative URL", "live.example.com/room", False)
    low, high = schema.get("minLength", 0), schema.get("maxLength")
    pattern = schema.get("pattern")
    if pattern is not None:
        good = synth(pattern, low or None)
        yield Case("matches pattern", good, True)
        yield Case("one character off the pattern", good[:-1] + "!", False)
        yield Case("trailing newline", good + "\n", False)
        if low:
            yield Case(f"{low} characters (minLength)", synth(pattern, low), True)
            yield Case(f"{low - 1} characters", good[: low - 1], False)
        if high is not None:
            longest = synth(pattern, high)
            yield Case(f"{high} characters (maxLength)", longest, True)
            yield Case(f"{high + 1} characters", longest + longest[-1], False)
        return
    if low:
        yield Case(f"{low} characters (minLength)", "v" * low, True)
        yield Case(f"{low - 1} characters", "v" * (low - 1), False)
    if high is not None:
        yield Case(f"{high} characters (maxLength)", "v" * high, True)
        yield Case(f"{high + 1} characters", "v" * (high + 1), False)
    yield Case("lone surrogate", "a\ud800", False)


def _integer_cases(schema: dict[str, Any]) -> Iterator[Case]:
    bounds = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}
    low, high = bounds.get(schema.get("format", ""), (None, None))
    low = schema.get("minimum", low)
    high = schema.get("maximum", high)
    if low is not None:
        yield Case(f"{low} (minimum)", low, True)
        yield Case(f"{low - 1}", low - 1, False)
    if high is not None:
        yield Case(f"{high} (maximum)", high, True)
        yield Case(f"{high + 1}", high + 1, False)


# --- how each input is reached through the public API ------------------------------------


async def first_page(paginator: Any) -> Any:
    return await paginator


TWILIO: dict[str, Call] = {
    **{
        f"{op}.ServiceSid": call
        for op, call in {
            "create_session": lambda c, v: c.sessions.create(v),
            "list_sessions": lambda c, v: first_page(c.sessions.list(v)),
            "fetch_session": lambda c, v: c.sessions.fetch(v, KC),
            "update_session": lambda c, v: c.sessions.update(v, KC),
            "delete_session": lambda c, v: c.sessions.delete(v, KC),
        }.items()
    },
    "fetch_session.Sid": lambda c, v: c.sessions.fetch(SERVICE, v),
    "update_session.Sid": lambda c, v: c.sessions.update(SERVICE, v),
    "delete_session.Sid": lambda c, v: c.sessions.delete(SERVICE, v),
    "list_sessions.PageSize": lambda c, v: first_page(c.sessions.list(SERVICE, page_size=v)),
    "create_session.body.UniqueName": lambda c, v: c.sessions.create(SERVICE, unique_name=v),
    "create_session.body.Ttl": lambda c, v: c.sessions.create(SERVICE, ttl=v),
    "create_session.body.DateExpiry": lambda c, v: c.sessions.create(SERVICE, date_expiry=v),
    "create_session.body.Mode": lambda c, v: c.sessions.create(SERVICE, mode=v),
    "create_session.body.Status": lambda c, v: c.sessions.create(SERVICE, status=v),
    "create_session.body.Participants": lambda c, v: c.sessions.create(SERVICE, participants=v),
    "update_session.body.Ttl": lambda c, v: c.sessions.update(SERVICE, KC, ttl=v),
    "update_session.body.DateExpiry": lambda c, v: c.sessions.update(SERVICE, KC, date_expiry=v),
    "update_session.body.Status": lambda c, v: c.sessions.update(SERVICE, KC, status=v),
    "ParticipantRequest": lambda c, v: c.sessions.create(SERVICE, participants=[v]),
}
TRINSIC: dict[str, Call] = {
    "get_session.sessionId": lambda c, v: c.sessions.get(v),
    "cancel_session.sessionId": lambda c, v: c.sessions.cancel(v),
    "create_session.body.verifications": lambda c, v: c.sessions.create(verifications=v),
    "list_sessions.body.orderBy": lambda c, v: first_page(c.sessions.list(order_by=v)),
    "list_sessions.body.orderDirection": lambda c, v: first_page(
        c.sessions.list(order_direction=v)
    ),
    "list_sessions.body.pageSize": lambda c, v: first_page(c.sessions.list(page_size=v)),
    "RequestedVerification": lambda c, v: c.sessions.create(verifications=[v]),
    "GovernmentIdOptions": lambda c, v: c.sessions.create(
        verifications=[{"type": "GovernmentId", "governmentIdOptions": v}]
    ),
}
SIPHER: dict[str, Call] = {
    "get_session.id": lambda c, v: c.sessions.get(v),
    "update_session.id": lambda c, v: c.sessions.update(v, defaults={}),
    "delete_session.id": lambda c, v: c.sessions.delete(v),
    "create_session.body.defaults": lambda c, v: c.sessions.create(defaults=v),
    "create_session.body.ttlSeconds": lambda c, v: c.sessions.create(defaults={}, ttl_seconds=v),
    "update_session.body.defaults": lambda c, v: c.sessions.update(SIPHER_ID, defaults=v),
    "SessionDefaults": lambda c, v: c.sessions.create(defaults=v),
}
EQUOS_CREATE = {"name": "s", "avatar": "cmfkz80fl000do50jj2u2nim5"}
EQUOS_FIELDS = {
    "name": "name",
    "client": "client",
    "host": "host",
    "maxDuration": "max_duration",
    "additionalCtx": "additional_ctx",
    "templateVars": "template_vars",
    "agent": "agent",
    "avatar": "avatar",
    "remoteAgentConnectingIdentity": "remote_agent_connecting_identity",
    "consumerIdentity": "consumer_identity",
}


def equos_create(argument: str) -> Call:
    return lambda c, v: c.sessions.create(**{**EQUOS_CREATE, argument: v})


EQUOS: dict[str, Call] = {
    "get_session.id": lambda c, v: c.sessions.get(v),
    "stop_session.id": lambda c, v: c.sessions.stop(v),
    "list_sessions.take": lambda c, v: first_page(c.sessions.list(page_size=v)),
    "list_sessions.client": lambda c, v: first_page(c.sessions.list(client=v)),
    **{f"create_session.body.{wire}": equos_create(arg) for wire, arg in EQUOS_FIELDS.items()},
    "EquosSessionHost": lambda c, v: c.sessions.create(**EQUOS_CREATE, host=v),
    "ParticipantIdentity": lambda c, v: c.sessions.create(**EQUOS_CREATE, consumer_identity=v),
    "ResourceReference": lambda c, v: c.sessions.create(**{**EQUOS_CREATE, "avatar": v}),
    "CreateAvatarRequest": lambda c, v: c.sessions.create(**{**EQUOS_CREATE, "avatar": v}),
    "CreateAgentRequest": lambda c, v: c.sessions.create(**EQUOS_CREATE, agent=v),
    "TemplateVars": lambda c, v: c.sessions.create(**EQUOS_CREATE, template_vars=v),
}

# Inputs the facade computes itself: a caller cannot set them, so there is nothing to refuse.
INTERNAL = {
    "twilio_proxy": {
        "list_sessions.Page": "taken from Twilio's next_page_url by the paginator",
        "list_sessions.PageToken": "taken from Twilio's next_page_url by the paginator",
    },
    "trinsic_connect": {"list_sessions.body.page": "the paginator's page counter, from 1"},
    "equos": {"list_sessions.skip": "the paginator's offset, from 0"},
    "sipher": {},
}

CLIENTS: dict[str, tuple[Callable[[Script], Any], dict[str, Call], Callable[..., Any]]] = {
    "twilio_proxy": (
        lambda s: TwilioProxy(
            account_sid="AC" + "0" * 32, auth_token="t" * 32, http_client=s.client()
        ),
        TWILIO,
        twilio,
    ),
    "trinsic_connect": (
        lambda s: TrinsicConnect(api_key="k" * 32, http_client=s.client()),
        TRINSIC,
        trinsic,
    ),
    "sipher": (lambda s: Sipher(api_key="k" * 32, http_client=s.client()), SIPHER, sipher),
    "equos": (lambda s: Equos(api_key="k" * 32, http_client=s.client()), EQUOS, equos),
}


def all_cases() -> list[tuple[str, str, Case]]:
    out = []
    for api in CLIENTS:
        spec = load(api)
        for name, schema in inputs(api).items():
            if name in INTERNAL[api]:
                continue
            item = None
            if name == "create_session.body.Participants":
                item = {"Identifier": "+15550001111"}
            out.extend((api, name, case) for case in cases(schema, spec, item=item))
    return out


CASES = all_cases()


@pytest.mark.parametrize("api", sorted(CLIENTS))
def test_every_input_of_the_spec_is_mapped(api: str) -> None:
    """A spec input without a way to reach it here would go unchecked: fail instead."""
    _, calls, _ = CLIENTS[api]
    found = set(inputs(api))
    nested_fields = {n for n in found if n.split(".")[0] in found and "." in n}
    reachable = set(calls) | nested_fields | set(INTERNAL[api])
    assert found - reachable == set()
    assert set(calls) - found == set(), "mapped inputs the spec no longer has"


def test_the_walk_finds_the_constraints_issue_11_names() -> None:
    names = {api: set(inputs(api)) for api in CLIENTS}
    assert "create_session.body.Participants" in names["twilio_proxy"]
    assert "ParticipantRequest.ProxyIdentifierSid" in names["twilio_proxy"]
    assert "create_session.body.additionalCtx" in names["equos"]
    assert "CreateAvatarRequest.client" in names["equos"]
    assert "SessionDefaults.defaultViewingKey" in names["sipher"]
    assert len(CASES) > 250


def _call_for(api: str, name: str) -> Call:
    _, calls, _ = CLIENTS[api]
    if name in calls:
        return calls[name]
    schema_name, field = name.split(".", 1)
    spec = load(api)
    parent = resolve(spec, spec["components"]["schemas"][schema_name])
    base = valid(parent, spec)
    outer = calls[schema_name]
    return lambda c, v: outer(c, {**base, field: v})


@pytest.mark.parametrize(
    ("api", "name", "case"),
    CASES,
    ids=[f"{api}:{name}:{case.label}" for api, name, case in CASES],
)
async def test_boundary(api: str, name: str, case: Case) -> None:
    build, _, handler = CLIENTS[api]
    script = Script()
    script.default = handler
    call = _call_for(api, name)
    async with build(script) as client:
        if case.accepted:
            await call(client, case.value)
            assert script.requests, "an accepted value must be sent"
        else:
            with pytest.raises(InvalidRequestError, match="nothing was sent"):
                await call(client, case.value)
            assert script.requests == []


@pytest.mark.parametrize(
    ("method", "argument", "rule"),
    [
        ("twilio.TwilioSessions.list", "page_size", "twilio._PAGE_SIZE"),
        ("trinsic.TrinsicSessions.list", "page_size", "trinsic._PAGE_SIZE"),
        ("equos.EquosSessions.list", "page_size", "equos._TAKE"),
        ("sipher.SipherSessions.create", "ttl_seconds", "sipher._TTL_SECONDS"),
    ],
)
def test_ranges_quoted_in_docstrings_are_the_specs(method: str, argument: str, rule: str) -> None:
    """help() quotes some limits for the reader; they must be the spec's, not a stale copy."""
    import importlib

    vendor, cls, name = method.split(".")
    module = importlib.import_module(f"sessionhub._vendors.{vendor}")
    doc = getattr(getattr(module, cls), name).__doc__
    found = re.search(rf"`{argument}`[^.]*?(\d+)\.\.(\d+)", doc)
    assert found, doc
    checked = getattr(module, rule.split(".")[1]).rule
    assert (int(found.group(1)), int(found.group(2))) == (checked.minimum, checked.maximum)
