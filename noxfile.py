"""`make test-matrix`: the whole test suite on every supported Python that is installed.

Each interpreter gets its own virtual environment under .nox/ with the package and its
development tools, then runs pytest exactly as `make test` does (lint, mypy and the drift
check do not depend on the interpreter and run once, in `make test`). An interpreter that is
not installed is skipped and named in nox's summary, never counted as passed.
"""

from __future__ import annotations

import nox

SUPPORTED = ["3.13", "3.12", "3.11"]

nox.options.error_on_missing_interpreters = False
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["tests"]


@nox.session(python=SUPPORTED)
def tests(session: nox.Session) -> None:
    session.install("-e", ".[dev,sandbox]")
    session.run("python", "-m", "pytest", "-q", "-p", "no:cacheprovider", *session.posargs)
