"""What the commands print: Markdown tables for people, YAML stubs for the allow-list.

The text is the tool's interface (a reviewer reads it in a terminal or pastes it into a pull
request, and the tests match rows of it), so all of it is written here, apart from the
counting and deciding that produce it.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ._compare import ABSENT, ADDITIVE, BREAKING, DOCUMENTATION, Difference, short
from ._documents import dump_yaml
from ._known import KNOWN_NAME, Known

__all__ = [
    "cell",
    "check_failures",
    "check_summary",
    "pinned_values",
    "report",
    "suggestions",
    "values_of",
]


def cell(value: Any) -> str:
    """A fact's value in a table cell: code, or the bare word for a side that lacks it."""
    return f"`{short(value)}`" if value != ABSENT else "absent"


# -- check -------------------------------------------------------------------------------------


def values_of(diffs: list[Difference]) -> str:
    """`maxLength: absent -> 191, ...`: the distinct values an entry's differences have."""
    seen = sorted({f"{d.aspect}: {cell(d.left)} -> {cell(d.right)}" for d in diffs})
    return ", ".join(seen) if seen else "the values of its differences"


def pinned_values(diffs: list[Difference]) -> list[dict[str, Any]]:
    """The `values:` list that pins exactly what `diffs` have (one per distinct triple)."""
    out: dict[str, dict[str, Any]] = {}
    for d in diffs:
        key = json.dumps([d.aspect, d.left, d.right], default=str)
        out.setdefault(key, {"aspect": d.aspect, "upstream": d.left, "ours": d.right})
    return list(out.values())


def check_failures(
    problems: list[str],
    unlisted: list[Difference],
    stale: list[Known],
    near: dict[int, list[Known]] | None = None,
) -> str:
    """Everything `check` fails on, one line each: lock and allow-list problems, the
    differences no entry lists (as a table, then which entry covers the place but pins other
    values), and the stale entries. Empty when there is nothing."""
    lines = list(problems)
    if unlisted:
        lines += [
            f"{len(unlisted)} difference(s) between our specs and the vendors' are not in "
            f"specs/upstream/{KNOWN_NAME}:\n",
            "| api | operation | field | aspect | vendor | ours |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        lines += [
            f"| {d.api} | {d.operation} | `{d.where}` | {d.aspect} | "
            f"{cell(d.left)} | {cell(d.right)} |"
            for d in unlisted
        ]
        for d in unlisted:
            for k in (near or {}).get(id(d), []):
                pins = [
                    f"{side} {cell(value)}"
                    for side, value, given in (
                        ("upstream", k.upstream, k.has_upstream),
                        ("ours", k.ours, k.has_ours),
                    )
                    if given
                ] + [
                    f"upstream {cell(v.get('upstream'))} / ours {cell(v.get('ours'))}"
                    for v in k.values
                    if v.get("aspect", d.aspect) == d.aspect
                ]
                lines.append(
                    f"\n`{d.where}` {d.aspect}: entry {k.id!r} covers it but pins "
                    f"{'; '.join(pins)}, not vendor {cell(d.left)} / ours {cell(d.right)}"
                )
        lines.append(
            "\nEither make specs/<api>.yaml agree with the vendor again, or add a reviewed "
            f"entry with its reason to specs/upstream/{KNOWN_NAME} "
            "(`upstream.py check --suggest` prints stubs)."
        )
    lines += [
        f"stale: known difference {k.id!r} ({k.api}, {', '.join(k.fields)}, "
        f"{', '.join(k.aspects)}) matches "
        "nothing any more; remove it"
        for k in stale
    ]
    return "".join(f"{line}\n" for line in lines)


def check_summary(counts: dict[str, int], used: int) -> str:
    """The one line of a passing `check`: how many differences, all of them reviewed."""
    total = sum(counts.values())
    return (
        f"upstream-check: {total} differences from the vendors "
        f"({', '.join(f'{a} {n}' for a, n in counts.items())}), each matched by one of the "
        f"{used} reviewed entries in {KNOWN_NAME}; lock sha256 OK"
    )


def suggestions(
    unlisted: list[Difference], unpinned: dict[str, list[Difference]] | None = None
) -> str:
    """`check --suggest`: one known-differences.yaml stub per distinct difference (the same
    field, aspect and values under several operations is one entry), kind and reason TODO,
    since only a person can say why we differ; and, for each entry that pins no values,
    the `values:` its differences have today."""
    groups: dict[tuple[str, str, str, str, str], list[Difference]] = {}
    for d in unlisted:
        key = (
            d.api,
            d.where,
            d.aspect,
            json.dumps(d.left, default=str),
            json.dumps(d.right, default=str),
        )
        groups.setdefault(key, []).append(d)
    out = []
    for (api, where, aspect, _l, _r), diffs in groups.items():
        out.append(
            {
                "id": f"{api}-{re.sub(r'[^A-Za-z0-9]+', '-', where).strip('-')}-{aspect}".lower(),
                "api": api,
                "operations": sorted({d.operation for d in diffs}),
                "field": where,
                "aspect": aspect,
                "upstream": diffs[0].left,
                "ours": diffs[0].right,
                "kind": "TODO",
                "reason": "TODO",
            }
        )
    pins = [{"id": k, "values": pinned_values(d)} for k, d in (unpinned or {}).items()]
    return dump_yaml(out + pins)


# -- diff and refresh --------------------------------------------------------------------------


def report(
    api: str, old_name: str, new_name: str, classified: list[tuple[str, str, Difference]]
) -> str:
    """The Markdown of `diff` and `refresh`: counts, then one table per class."""
    lines = [f"# {api}: {old_name} → {new_name}", ""]
    if not classified:
        lines.append("No change touches the operations sessionhub uses.")
        return "\n".join(lines) + "\n"
    by_class = {
        c: [x for x in classified if x[0] == c] for c in (BREAKING, ADDITIVE, DOCUMENTATION)
    }
    lines.append(
        f"**{len(by_class[BREAKING])} breaking**, {len(by_class[ADDITIVE])} additive, "
        f"{len(by_class[DOCUMENTATION])} documentation only, over the operations in "
        f"`specs/{api}.yaml`."
    )
    titles = {
        BREAKING: "Breaking for sessionhub (removed or renamed field, new required parameter, "
        "narrowed enum or pattern, changed type)",
        ADDITIVE: "Additive (sessionhub's tolerant parsing copes; the spec should learn it)",
        DOCUMENTATION: "Documentation only",
    }
    for cls in (BREAKING, ADDITIVE, DOCUMENTATION):
        rows = by_class[cls]
        if not rows:
            continue
        lines += ["", f"## {titles[cls]}", "", "| operation | where | change | old | new |"]
        lines.append("| --- | --- | --- | --- | --- |")
        for _cls, what, c in rows:
            lines.append(
                f"| {c.operation} | `{c.where}` | {what} | {cell(c.left)} | {cell(c.right)} |"
            )
    lines += [
        "",
        f"Next: edit `specs/{api}.yaml`, `make generate`, then `make upstream-check` "
        f"(and update `specs/upstream/{KNOWN_NAME}` where we still differ on purpose).",
    ]
    return "\n".join(lines) + "\n"
