"""What we have reviewed: the lock of the vendor snapshots, and the known differences.

`upstream.lock.yaml` pins each snapshot in specs/upstream/ by sha256 (with its source,
commit and date), so a snapshot changes only through `refresh --write` and never by an
unnoticed hand edit. `known-differences.yaml` is the allow-list `check` holds our specs to:
every difference from a vendor must match one reviewed entry, each with a kind and a reason,
and an entry that matches nothing any more is stale. Its `contract` section belongs to
tests/upstream/test_contract.py and is only passed through here.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._compare import ABSENT, Difference
from ._documents import UpstreamError, dump_yaml, load_document

__all__ = [
    "KINDS",
    "KNOWN_NAME",
    "LOCK_NAME",
    "WILDCARD",
    "Known",
    "api_for",
    "glob",
    "load_known",
    "load_lock",
    "sha256",
    "snapshot_document",
    "verify_lock",
    "write_lock",
]

LOCK_NAME = "upstream.lock.yaml"
KNOWN_NAME = "known-differences.yaml"


def load_lock(upstream: Path) -> dict[str, Any]:
    """The lock as a mapping with `snapshots` (api -> entry), or an UpstreamError."""
    path = upstream / LOCK_NAME
    if not path.is_file():
        raise UpstreamError(f"no lock file {path}")
    lock = load_document(path)
    if not isinstance(lock, Mapping) or not isinstance(lock.get("snapshots"), Mapping):
        raise UpstreamError(f"{path}: expected a mapping with `snapshots`")
    return dict(lock)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def verify_lock(upstream: Path) -> list[str]:
    """Problems with the snapshots' recorded sha256 (empty when all match)."""
    problems = []
    for api, entry in load_lock(upstream)["snapshots"].items():
        path = upstream / entry["file"]
        if not path.is_file():
            problems.append(f"{api}: snapshot {entry['file']} is missing")
        elif sha256(path) != entry["sha256"]:
            problems.append(
                f"{api}: {entry['file']} has sha256 {sha256(path)}, the lock says "
                f"{entry['sha256']}; a snapshot changes only through `upstream.py refresh --write`"
            )
    return problems


def snapshot_document(api: str, upstream: Path) -> tuple[Path, Any]:
    """(file, document) of `api`'s snapshot, found through the lock."""
    entry = load_lock(upstream)["snapshots"].get(api)
    if entry is None:
        raise UpstreamError(f"no snapshot for {api!r} in {upstream / LOCK_NAME}")
    path = upstream / entry["file"]
    return path, load_document(path)


def api_for(path: Path, upstream: Path) -> str | None:
    """The API whose snapshot has `path`'s file name, so `diff` needs no `--api` for a copy."""
    for api, entry in load_lock(upstream)["snapshots"].items():
        if Path(entry["file"]).name == path.name:
            return str(api)
    return None


def write_lock(upstream: Path, lock: Mapping[str, Any]) -> None:
    """Rewrite the lock, keeping its leading comment block (YAML dumping drops comments)."""
    path = upstream / LOCK_NAME
    header = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    body = dump_yaml(dict(lock))
    path.write_text("\n".join([*header, body]) if header else body, encoding="utf-8")


WILDCARD = "any"
"""`ours: any` (or `upstream: any`): a deliberate wildcard; the entry must say why in
`wildcard:`. Every other entry pins both values, so a spec edit to them fails `check`."""


@dataclass
class Known:
    """One reviewed difference of known-differences.yaml."""

    id: str
    api: str
    operations: list[str]
    fields: list[str]
    aspects: list[str]
    kind: str
    reason: str
    upstream: Any = ABSENT
    ours: Any = ABSENT
    has_upstream: bool = False
    has_ours: bool = False
    values: list[dict[str, Any]] = field(default_factory=list)
    wildcard: str = ""

    def unpinned(self) -> list[str]:
        """The sides (`upstream`, `ours`) this entry lets take any value without saying
        so: given neither on the entry nor on every one of its `values`."""
        return [
            side
            for side, given in (("upstream", self.has_upstream), ("ours", self.has_ours))
            if not given and not (self.values and all(side in v for v in self.values))
        ]

    def matches(self, diff: Difference) -> bool:
        return self.matches_place(diff) and self.matches_values(diff)

    def matches_place(self, diff: Difference) -> bool:
        """The api, operation, field and aspect agree (the values may not)."""
        if diff.api != self.api:
            return False
        if not any(glob(op, diff.operation) for op in self.operations):
            return False
        if not any(glob(f, diff.where) for f in self.fields):
            return False
        return diff.aspect in self.aspects

    def matches_values(self, diff: Difference) -> bool:
        if self.has_upstream and self.upstream != WILDCARD and diff.left != self.upstream:
            return False
        if self.has_ours and self.ours != WILDCARD and diff.right != self.ours:
            return False
        return not self.values or any(_fits(v, diff) for v in self.values)


def _fits(alternative: Mapping[str, Any], diff: Difference) -> bool:
    """One of an entry's `values`: `{aspect: (optional), upstream: ..., ours: ...}`."""
    if "aspect" in alternative and alternative["aspect"] != diff.aspect:
        return False
    if "upstream" in alternative and alternative["upstream"] != diff.left:
        return False
    return not ("ours" in alternative and alternative["ours"] != diff.right)


def glob(pattern: str, text: str) -> bool:
    """`*` matches any run of characters (dots included); everything else is literal, so
    `sessions[]` and `verifications{}` need no escaping."""
    regex = ".*".join(re.escape(part) for part in pattern.split("*"))
    return re.fullmatch(regex, text) is not None


def _as_list(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else [str(v) for v in value]


KINDS = frozenset(
    {
        "tolerant-reading",
        "vendor-bug",
        "vendor-omits",
        "stricter-request",
        "sessionhub-choice",
        "not-used",
    }
)


def load_known(upstream: Path) -> tuple[list[Known], list[dict[str, Any]]]:
    """(the spec entries, the contract entries) of known-differences.yaml; the contract
    entries are checked by tests/upstream/test_contract.py."""
    path = upstream / KNOWN_NAME
    if not path.is_file():
        return [], []
    data = load_document(path) or {}
    entries = []
    seen = set()
    for raw in data.get("differences") or []:
        missing = {"id", "api", "field", "aspect", "kind", "reason"} - set(raw)
        if missing:
            raise UpstreamError(f"{path}: entry {raw.get('id', raw)} lacks {sorted(missing)}")
        if raw["kind"] not in KINDS:
            raise UpstreamError(
                f"{path}: entry {raw['id']}: kind {raw['kind']!r} is not one of {sorted(KINDS)}"
            )
        if raw["id"] in seen:
            raise UpstreamError(f"{path}: duplicate id {raw['id']}")
        seen.add(raw["id"])
        if not str(raw["reason"]).strip():
            raise UpstreamError(f"{path}: entry {raw['id']} has an empty reason")
        values = raw.get("values") or []
        if not isinstance(values, list) or not all(
            isinstance(v, Mapping) and set(v) <= {"aspect", "upstream", "ours"} for v in values
        ):
            raise UpstreamError(
                f"{path}: entry {raw['id']}: `values` is a list of "
                "{aspect: (optional), upstream: ..., ours: ...}"
            )
        wild = WILDCARD in (raw.get("upstream"), raw.get("ours"))
        if wild and not str(raw.get("wildcard", "")).strip():
            raise UpstreamError(
                f"{path}: entry {raw['id']} uses `{WILDCARD}` as a value; say in `wildcard:` "
                "why the value does not matter"
            )
        entries.append(
            Known(
                id=raw["id"],
                api=raw["api"],
                operations=_as_list(raw.get("operations", "*")),
                fields=_as_list(raw["field"]),
                aspects=_as_list(raw["aspect"]),
                kind=raw["kind"],
                reason=str(raw["reason"]).strip(),
                upstream=raw.get("upstream", ABSENT),
                ours=raw.get("ours", ABSENT),
                has_upstream="upstream" in raw,
                has_ours="ours" in raw,
                values=[dict(v) for v in values],
                wildcard=str(raw.get("wildcard", "")).strip(),
            )
        )
    return entries, list(data.get("contract") or [])
