"""Watch the vendors' own published specs: compare ours with them, and diff their versions.

    python scripts/upstream.py check                     # what `make upstream-check` runs
    python scripts/upstream.py diff OLD NEW [--api NAME]
    python scripts/upstream.py refresh --api NAME [--from URL_OR_PATH] [--write]
    python scripts/upstream.py check --suggest           # YAML stubs for unlisted differences

- `check` compares each of our specs with its vendor snapshot (offline) and fails on any
  difference that `specs/upstream/known-differences.yaml` does not list, and on any entry of
  that list that no longer matches anything. It also verifies the snapshots' sha256 against
  `specs/upstream/upstream.lock.yaml`.
- `diff` compares two versions of a vendor's document over the operations we use and
  classifies each change as breaking for sessionhub, additive, or documentation only. It
  prints Markdown and exits 1 when anything touching our operations changed.
- `refresh` fetches the vendor's current document (or reads `--from`), prints that diff
  against the snapshot, and with `--write` replaces the snapshot and its lock entry.

Exit codes: 0 clean, 1 differences or changes found, 2 usage or input error.

This file is only the entry point; the tool is the package scripts/upstream_watch/ (its
docstring says how documents are digested and compared, and which module does what).
"""

from __future__ import annotations

import sys
from pathlib import Path

# As scripts/generate.py does for scripts/codegen/: the package sits beside this file, and
# scripts/ is not on sys.path when Python runs with -I or -P.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from upstream_watch import main

if __name__ == "__main__":
    sys.exit(main())
