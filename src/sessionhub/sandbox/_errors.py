"""What the sandbox's public API raises when it is misused or cannot start.

* SandboxError (a sessionhub.SessionHubError)
  * SandboxUsageError - a bad argument: unknown vendor, a non-loopback host (also a ValueError)
    * SandboxStateError - a state to import is refused as a whole; nothing changed
  * SandboxStartError - the server could not start: port in use, ... (also an OSError)
    * SandboxStartTimeout - the server or its thread did not start in time (also a TimeoutError)

Each subclasses the builtin the sandbox raised before, so code that caught ValueError,
OSError or TimeoutError keeps working; every message says what to do.
"""

from __future__ import annotations

from .._exceptions import SessionHubError

__all__ = [
    "SandboxError",
    "SandboxStartError",
    "SandboxStartTimeout",
    "SandboxStateError",
    "SandboxUsageError",
]


class SandboxError(SessionHubError):
    """Base class of what the sandbox raises (the vendor APIs' errors reach clients as the
    vendors' own HTTP answers, not as this)."""


class SandboxUsageError(SandboxError, ValueError):
    """A sandbox call was given an argument it cannot take (unknown vendor, remote host)."""


class SandboxStateError(SandboxUsageError):
    """A state given to `import_state` (or `PUT /_sandbox/state`) was refused as a whole;
    the previous state is untouched. The message names the vendor, session and field."""


class SandboxStartError(SandboxError, OSError):
    """The sandbox server could not start (the port is in use, the host cannot be bound)."""


class SandboxStartTimeout(SandboxStartError, TimeoutError):
    """The sandbox server, or the thread of serve_in_thread(), did not start in time."""
