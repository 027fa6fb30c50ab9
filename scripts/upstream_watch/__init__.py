"""Watch the vendors' own published specs: compare ours with them, and diff their versions.

The package behind `python scripts/upstream.py` (check, diff, refresh; see that file and the
README's "When a vendor changes its API"). Each spec (ours, a vendor's, the Equos facts
record) is reduced to a *digest*, facts per location over the operations that
`specs/<api>.yaml` declares, and digests are compared: ours against the vendor snapshot in
`check`, the vendor's old document against its new one in `diff` and `refresh`. Why a
comparer of our own rather than an OpenAPI diff tool is measured in specs/upstream/README.md.

The modules, each depending only on those above it:

    _documents   loading JSON/YAML, fetching, `$ref` resolution, UpstreamError
    _digest      the Digester: one document reduced to {operation: {location: facts}}
    _compare     Difference, compare (two digests), classify (breaking/additive/documentation)
    _known       the snapshots' lock file and the known-differences allow-list
    _report      the Markdown (and `--suggest` YAML) the commands print
    _cli         argparse and the three commands, with their exit codes
"""

from __future__ import annotations

from ._cli import APIS, main
from ._compare import Difference, classify, compare, diff_documents
from ._digest import Digester, digest
from ._documents import YAML_LOADER, UpstreamError, load_document
from ._known import KINDS, glob, load_known, verify_lock

__all__ = [
    "APIS",
    "KINDS",
    "YAML_LOADER",
    "Difference",
    "Digester",
    "UpstreamError",
    "classify",
    "compare",
    "diff_documents",
    "digest",
    "glob",
    "load_document",
    "load_known",
    "main",
    "verify_lock",
]
