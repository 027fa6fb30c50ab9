"""Reading the documents: our specs, the vendor snapshots and the lock, and resolving `$ref`s.

Everything the other modules know about a document arrives through here, so bad input
(a missing file, invalid JSON or YAML, a remote or cyclic `$ref`) is turned into one
`UpstreamError` in one place, which the command line reports with exit code 2. It is also
the one module that parses or writes YAML, so the loader and the dump style are chosen once.
"""

from __future__ import annotations

import json
import re
import urllib.request
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

__all__ = [
    "YAML_LOADER",
    "Resolver",
    "UpstreamError",
    "dump_yaml",
    "fetch",
    "load_document",
    "parse_bytes",
]

# libyaml's safe loader when PyYAML was built with it: the vendors' files are large.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class UpstreamError(Exception):
    """Bad input (a missing file, an unknown API, a spec that cannot be read)."""


def load_document(path: Path) -> Any:
    """A file as data, by its suffix: the vendors publish JSON (Trinsic) and YAML."""
    text = path.read_text(encoding="utf-8")
    try:
        return json.loads(text) if path.suffix == ".json" else yaml.load(text, Loader=YAML_LOADER)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise UpstreamError(f"{path}: not valid {path.suffix[1:].upper()}: {exc}") from None


def parse_bytes(data: bytes, name: str) -> Any:
    """Fetched bytes as data; a URL's suffix says nothing reliable, so YAML's parser reads both."""
    try:
        return yaml.load(data.decode("utf-8"), Loader=YAML_LOADER)  # JSON is YAML too
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise UpstreamError(f"{name}: neither JSON nor YAML: {exc}") from None


def dump_yaml(data: Any) -> str:
    """YAML that people edit (the lock, `--suggest` stubs): in the order given, UTF-8 as is."""
    text: str = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return text


def fetch(source: str, timeout: float = 30.0) -> bytes:
    """The bytes at `source`: a local path, or (only when asked for) an http(s) URL."""
    if re.match(r"^https?://", source):
        request = urllib.request.Request(source, headers={"User-Agent": "sessionhub-upstream"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return bytes(response.read())
    path = Path(source)
    if not path.is_file():
        raise UpstreamError(f"no file {path}")
    return path.read_bytes()


class Resolver:
    """Local `$ref`s of one OpenAPI document, through `referencing`'s registry."""

    URI = "urn:sessionhub:document"

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        resource = Resource.from_contents(document, default_specification=DRAFT202012)
        self._resolver = Registry().with_resource(self.URI, resource).resolver(base_uri=self.URI)

    def lookup(self, ref: str) -> Any:
        if not ref.startswith("#"):
            raise UpstreamError(f"only local $refs are supported, got {ref!r}")
        return self._resolver.lookup(ref).contents

    def deref(self, node: Any) -> Any:
        """A parameter, response, header or request body with its `$ref` chain followed."""
        seen = set()
        while isinstance(node, Mapping) and "$ref" in node:
            ref = node["$ref"]
            if ref in seen:
                raise UpstreamError(f"$ref cycle at {ref}")
            seen.add(ref)
            node = self.lookup(ref)
        return node
