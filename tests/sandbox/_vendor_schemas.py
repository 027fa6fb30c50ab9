"""The vendors' own published schemas (specs/upstream/, byte for byte as published), as
a check on the sandbox's answers: `Recorder` captures every response a client gets
through an httpx event hook, `VendorSchemas.check` validates each against the response
schema the vendor declares for its path, method, status and media type, with
openapi-schema-validator (OAS 3.0 `nullable` for Twilio and Trinsic, OAS 3.1 / JSON
Schema 2020-12 for Sipher). Equos publishes no spec file, so its answers are not checked
here (our own spec checks them in test_conformance.py).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import yaml
from openapi_schema_validator import OAS30Validator, OAS31Validator

UPSTREAM = Path(__file__).resolve().parents[2] / "specs" / "upstream"
FILES = {
    "twilio": "twilio_proxy_v1.yaml",
    "trinsic": "trinsic_connect_v1.json",
    "sipher": "sipher.yaml",
}


@dataclass
class Answer:
    vendor: str
    method: str
    path: str  # below the vendor's prefix: /v1/sessions/get
    status: int
    media_type: str
    body: bytes


@dataclass
class _Operation:
    template: str
    pattern: re.Pattern[str]
    method: str
    responses: dict[str, Any]


@dataclass
class Report:
    validated: list[tuple[str, str, str, int]] = field(default_factory=list)
    undeclared: list[tuple[str, str, str, int]] = field(default_factory=list)


class VendorSchemas:
    def __init__(self) -> None:
        self._specs: dict[str, dict[str, Any]] = {}
        self._operations: dict[str, list[_Operation]] = {}
        for vendor, name in FILES.items():
            text = (UPSTREAM / name).read_text()
            spec = json.loads(text) if name.endswith(".json") else yaml.safe_load(text)
            self._specs[vendor] = spec
            operations = []
            for template, item in spec["paths"].items():
                regex = re.sub(r"\\{[^}]+\\}", "[^/]+", re.escape(template))
                for method, op in item.items():
                    if method in ("get", "post", "put", "patch", "delete"):
                        operations.append(
                            _Operation(
                                template,
                                re.compile(regex),
                                method.upper(),
                                op.get("responses", {}),
                            )
                        )
            self._operations[vendor] = operations

    def check(self, answer: Answer, report: Report) -> None:
        """Validate `answer` against its vendor's declared schema; AssertionError when it
        does not validate, a note in `report.undeclared` when nothing is declared."""
        key = (answer.vendor, answer.method, answer.path, answer.status)
        if answer.vendor not in self._operations:
            report.undeclared.append(key)
            return
        (operation,) = [
            op
            for op in self._operations[answer.vendor]
            if op.method == answer.method and op.pattern.fullmatch(answer.path)
        ] or [None]
        assert operation is not None, f"{key}: no such operation in the vendor's spec"
        declared = operation.responses.get(str(answer.status)) or operation.responses.get("default")
        content = (declared or {}).get("content") or {}
        media = content.get(answer.media_type) or content.get("application/json")
        if declared is None or media is None or "schema" not in media:
            if declared is not None and not content:
                assert answer.body == b"", f"{key}: the spec declares no body"
            report.undeclared.append(key)
            return
        body = json.loads(answer.body)
        errors = sorted(
            self._validator(
                answer.vendor, operation.template, operation.method, str(answer.status)
            ).iter_errors(body),
            key=lambda e: list(e.absolute_path),
        )
        assert not errors, (
            f"{key} does not validate against {FILES[answer.vendor]} "
            f"({operation.method} {operation.template} {answer.status}): "
            + "; ".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])
        )
        report.validated.append(
            (answer.vendor, operation.method, operation.template, answer.status)
        )

    @functools.cache  # noqa: B019  (one instance per test session)
    def _validator(self, vendor: str, template: str, method: str, status: str) -> Any:
        spec = self._specs[vendor]
        operation = spec["paths"][template][method.lower()]
        declared = operation["responses"].get(status) or operation["responses"]["default"]
        content = declared["content"]
        media = content.get("application/json") or next(iter(content.values()))
        # The schema with the spec's components beside it, so `#/components/...` resolves.
        root = {**media["schema"], "components": spec.get("components", {})}
        if str(spec["openapi"]).startswith("3.1"):
            return OAS31Validator(root)
        return OAS30Validator(root)


class Recorder:
    """Keeps every answer a client gets; `client()` is an httpx.AsyncClient to hand a
    sessionhub client as `http_client=`."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.answers: list[Answer] = []
        self._prefixes = prefixes  # base URL -> vendor

    def client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(event_hooks={"response": [self._keep]}, timeout=30)

    async def _keep(self, response: httpx.Response) -> None:
        await response.aread()
        url = str(response.request.url).split("?", 1)[0]
        for base, vendor in self._prefixes.items():
            if url.startswith(base + "/"):
                media = response.headers.get("content-type", "").split(";")[0].strip()
                path = httpx.URL(url).raw_path.decode().split("?", 1)[0]
                prefix = httpx.URL(base).raw_path.decode().rstrip("/")
                self.answers.append(
                    Answer(
                        vendor,
                        response.request.method,
                        path[len(prefix) :],
                        response.status_code,
                        media,
                        response.content,
                    )
                )
                return

    def check_all(self, schemas: VendorSchemas) -> Report:
        report = Report()
        for answer in self.answers:
            schemas.check(answer, report)
        self.answers.clear()
        return report
