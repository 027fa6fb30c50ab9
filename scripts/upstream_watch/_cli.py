"""The command line: argparse and the three commands, `check`, `diff` and `refresh`.

Each command only wires the other modules together and chooses its exit code: 0 clean,
1 differences or changes found, 2 usage or input error (argparse's own code for usage, and
every `UpstreamError`, so that CI can tell "the vendor changed" from "the tool was misused").
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import sys
from pathlib import Path

from ._compare import Difference, compare, diff_documents
from ._digest import digest, our_operations
from ._documents import UpstreamError, fetch, load_document, parse_bytes
from ._known import (
    KNOWN_NAME,
    LOCK_NAME,
    api_for,
    load_known,
    load_lock,
    snapshot_document,
    verify_lock,
    write_lock,
)
from ._report import check_failures, check_summary, report, suggestions, values_of

__all__ = ["APIS", "main", "spec_differences"]

# The defaults of --specs and --upstream: this repository's, wherever the tool is run from.
ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"
UPSTREAM = SPECS / "upstream"
APIS = ("twilio_proxy", "trinsic_connect", "sipher", "equos")
DESCRIPTION = (
    "Watch the vendors' own published specs: compare ours with them, and diff their versions."
)


def spec_differences(api: str, specs: Path, upstream: Path) -> list[Difference]:
    """Our spec (`right`) against the vendor snapshot (`left`)."""
    ours, operations = our_operations(api, specs)
    _path, theirs = snapshot_document(api, upstream)
    return compare(
        api, digest(theirs, operations), digest(ours, operations), operations, documentation=False
    )


def cmd_check(args: argparse.Namespace) -> int:
    """Every difference must match a reviewed entry, every entry a difference (else stale)."""
    specs, upstream = Path(args.specs), Path(args.upstream)
    problems = [f"lock: {line}" for line in verify_lock(upstream)]
    known, _contract = load_known(upstream)
    # An entry that pins no values would match any value, so a spec edit to a limit it
    # covers would pass: every entry states both sides (or a documented `any`).
    unpinned = {k.id: k.unpinned() for k in known if k.unpinned()}
    matched: dict[str, list[Difference]] = {}
    used: set[str] = set()
    unlisted: list[Difference] = []
    counts: dict[str, int] = {}
    for api in args.api or APIS:
        diffs = spec_differences(api, specs, upstream)
        counts[api] = len(diffs)
        for diff in diffs:
            hits = [k for k in known if k.matches(diff)]
            used.update(k.id for k in hits)
            for k in hits:
                matched.setdefault(k.id, []).append(diff)
            if not hits:
                unlisted.append(diff)
    stale = [k for k in known if k.id not in used and k.api in (args.api or APIS)]
    if args.suggest:
        print(suggestions(unlisted, {k: matched.get(k, []) for k in unpinned}))
        return 1 if unlisted or unpinned else 0
    near = {id(d): [k for k in known if k.matches_place(d)] for d in unlisted}
    problems += [
        f"{KNOWN_NAME}: entry {entry!r} gives no `{'`/`'.join(sides)}` value, so it matches any "
        f"value; pin {values_of(matched.get(entry, []))} (`check --suggest` prints them), "
        f"or write `any` with a `wildcard:` reason"
        for entry, sides in unpinned.items()
    ]
    print(check_failures(problems, unlisted, stale, near), end="")
    if problems or unlisted or stale:
        return 1
    print(check_summary(counts, len(used)))
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    """Two versions of a vendor's document; the API comes from a file name the lock knows."""
    old_path, new_path = Path(args.old), Path(args.new)
    upstream = Path(args.upstream)
    api = args.api or api_for(old_path, upstream) or api_for(new_path, upstream)
    if api is None:
        raise UpstreamError("cannot tell which API these documents are; pass --api")
    for p in (old_path, new_path):
        if not p.is_file():
            raise UpstreamError(f"no file {p}")
    classified = diff_documents(
        api, load_document(old_path), load_document(new_path), Path(args.specs)
    )
    print(report(api, str(old_path), str(new_path), classified), end="")
    return 1 if classified else 0


def cmd_refresh(args: argparse.Namespace) -> int:
    """`diff` of the snapshot against the current document; only `--write` changes files."""
    upstream = Path(args.upstream)
    lock = load_lock(upstream)
    entry = lock["snapshots"].get(args.api)
    if entry is None:
        raise UpstreamError(f"no snapshot for {args.api!r} in {upstream / LOCK_NAME}")
    source = args.source or entry.get("source_url")
    if not source:
        raise UpstreamError(
            f"{args.api} has no URL to fetch from ({entry.get('source', 'no source')}); "
            "pass --from PATH"
        )
    data = fetch(source)
    new = parse_bytes(data, source)
    path = upstream / entry["file"]
    classified = diff_documents(args.api, load_document(path), new, Path(args.specs))
    print(report(args.api, f"snapshot {entry['file']}", source, classified), end="")
    unchanged = data == path.read_bytes()
    if args.write and not unchanged:
        path.write_bytes(data)
        entry["sha256"] = hashlib.sha256(data).hexdigest()
        entry["date"] = args.date or _dt.date.today().isoformat()
        entry["commit"] = args.commit or "unknown (refreshed from " + source + ")"
        entry["fetched_from"] = source
        write_lock(upstream, lock)
        print(f"\nwrote {path} and its lock entry (sha256 {entry['sha256']})")
    elif args.write:
        print("\nthe snapshot is byte-for-byte current; nothing written")
    return 1 if classified else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=DESCRIPTION)
    parser.add_argument("--specs", default=str(SPECS), help="folder of our specs")
    parser.add_argument("--upstream", default=str(UPSTREAM), help="folder of the vendor snapshots")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="compare our specs with the vendor snapshots")
    check.add_argument("--api", action="append", choices=APIS)
    check.add_argument(
        "--suggest", action="store_true", help="print YAML stubs for new differences"
    )
    diff = sub.add_parser("diff", help="what changed between two versions of a vendor's spec")
    diff.add_argument("old")
    diff.add_argument("new")
    diff.add_argument("--api", choices=APIS)
    refresh = sub.add_parser("refresh", help="diff (and --write) the vendor's current spec")
    refresh.add_argument("--api", required=True, choices=APIS)
    refresh.add_argument(
        "--from", dest="source", help="a URL or a local file instead of the lock's URL"
    )
    refresh.add_argument(
        "--write", action="store_true", help="replace the snapshot and its lock entry"
    )
    refresh.add_argument("--commit", help="the vendor commit the new document is at (for the lock)")
    refresh.add_argument("--date", help="the date to record (default: today)")
    args = parser.parse_args(argv)
    try:
        return {"check": cmd_check, "diff": cmd_diff, "refresh": cmd_refresh}[args.command](args)
    except UpstreamError as exc:
        # "upstream.py", the name people type (scripts/upstream.py), whatever ran main()
        print(f"upstream.py: {exc}", file=sys.stderr)
        return 2
