"""sessionhub.sandbox: a local, stateful fake of the four vendors' Sessions APIs.

    from sessionhub.sandbox import serve

    async with serve() as sandbox:                      # a free 127.0.0.1 port
        session = await sandbox.twilio.sessions.create(TWILIO_SERVICE_SID)
        sandbox.faults.add("status=503", vendor="sipher", times=2)
        print(sandbox.base_url("sipher"), len(sandbox.requests))

    with serve_in_thread() as sandbox:                 # for sync tests (TestClient, ...)
        app = create_my_app(**sandbox.settings("twilio"))

The four APIs live under `/trinsic`, `/sipher`, `/equos` and `/twilio` with the vendors'
own paths below, behind the fixed credentials exported here; the control plane (faults,
request log, clock, reset, state over HTTP) under `/_sandbox/`. docs/SANDBOX.md has it
all. Needs the `sandbox` extra (`pip install 'sessionhub[sandbox]'`); importing this
package does not load starlette or uvicorn, starting a sandbox does.

pytest fixtures: `sessionhub_sandbox` (async, per test), `sessionhub_sandbox_thread`
(threaded, per session) and `sessionhub_sandbox_thread_fresh` (that one, reset).

Faults, for `sandbox.faults.add(...)`, the `X-Sandbox-Fault` header and
`POST /_sandbox/faults`; one fault is `;`-separated items:

"""

from __future__ import annotations

from ._constants import (
    EQUOS_API_KEY,
    MAX_BODY_BYTES,
    SIPHER_API_KEY,
    SIPHER_FREE_API_KEY,
    TRINSIC_API_KEY,
    TWILIO_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN,
    TWILIO_SERVICE_SID,
)
from ._errors import (
    SandboxError,
    SandboxStartError,
    SandboxStartTimeout,
    SandboxStateError,
    SandboxUsageError,
)
from ._faults import GRAMMAR as _GRAMMAR
from ._faults import Fault, FaultRule, Faults
from ._log import RecordedRequest, RequestLog
from ._server import Sandbox, create_app, serve, serve_in_thread
from ._state import ManualClock

__all__ = [
    "EQUOS_API_KEY",
    "MAX_BODY_BYTES",
    "SIPHER_API_KEY",
    "SIPHER_FREE_API_KEY",
    "TRINSIC_API_KEY",
    "TWILIO_ACCOUNT_SID",
    "TWILIO_AUTH_TOKEN",
    "TWILIO_SERVICE_SID",
    "Fault",
    "FaultRule",
    "Faults",
    "ManualClock",
    "RecordedRequest",
    "RequestLog",
    "Sandbox",
    "SandboxError",
    "SandboxStartError",
    "SandboxStartTimeout",
    "SandboxStateError",
    "SandboxUsageError",
    "create_app",
    "serve",
    "serve_in_thread",
]

__doc__ = f"{__doc__}{_GRAMMAR}"

# The public classes, wherever defined, present themselves as `sessionhub.sandbox.X`.
for _name in __all__:
    if isinstance(globals()[_name], type):
        globals()[_name].__module__ = __name__
del _name
