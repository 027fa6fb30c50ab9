"""Regenerate generated/ from specs/: all four APIs, or the ones named.

    python scripts/generate.py                  # all four
    python scripts/generate.py twilio_proxy     # one
    python scripts/generate.py --out /tmp/gen   # somewhere else (used by the tests)

The output is byte-for-byte identical across runs for the same specs, pins and templates,
and generated/manifest.json records exactly those inputs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from codegen import APIS, GENERATED, SPECS, CodegenError, check_tool_versions, generate_into


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "apis",
        nargs="*",
        metavar="API",
        help=f"one or more of {', '.join(sorted(APIS))} (default: all)",
    )
    parser.add_argument(
        "--out", type=Path, default=GENERATED, help="output root (default: generated/)"
    )
    parser.add_argument("--specs", type=Path, default=SPECS, help="specs folder (default: specs/)")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.apis) - set(APIS))
    if unknown:
        parser.error(f"unknown API {', '.join(unknown)}; choose from {', '.join(sorted(APIS))}")
    apis = sorted(set(args.apis)) or sorted(APIS)
    try:
        check_tool_versions()
        generate_into(args.out, args.specs, apis)
    except CodegenError as exc:
        print(f"generate: {exc}", file=sys.stderr)
        return 1
    print(f"generate: wrote {', '.join(apis)} into {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
