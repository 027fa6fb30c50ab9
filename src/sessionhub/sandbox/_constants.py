"""The sandbox's fixed credentials, vendor names, operation names and limits.

Credentials are constants, not configuration, so that a test, a README and the demo can all
hard-code them and still agree; they open nothing but the sandbox.
"""

from __future__ import annotations

from typing import Final, Literal

from ._errors import SandboxUsageError

__all__ = [
    "CONTROL_PREFIX",
    "EQUOS_API_KEY",
    "MAX_BODY_BYTES",
    "OPERATIONS",
    "OPERATION_ALIASES",
    "SIPHER_API_KEY",
    "SIPHER_FREE_API_KEY",
    "TRINSIC_API_KEY",
    "TWILIO_ACCOUNT_SID",
    "TWILIO_AUTH_TOKEN",
    "TWILIO_SERVICE_SID",
    "VENDORS",
    "Vendor",
    "canonical_operation",
    "operation_name",
    "same_operation",
]

Vendor = Literal["trinsic", "sipher", "equos", "twilio"]
VENDORS: Final[tuple[Vendor, ...]] = ("trinsic", "sipher", "equos", "twilio")

TRINSIC_API_KEY: Final = "sandbox-trinsic"
SIPHER_API_KEY: Final = "sandbox-sipher"  # pro tier: may use sessions
SIPHER_FREE_API_KEY: Final = "sandbox-sipher-free"  # free tier: 403 TIER_ACCESS_DENIED on sessions
EQUOS_API_KEY: Final = "sandbox-equos"
TWILIO_ACCOUNT_SID: Final = "AC00000000000000000000000000000000"
TWILIO_AUTH_TOKEN: Final = "sandbox-twilio"
TWILIO_SERVICE_SID: Final = "KS00000000000000000000000000000000"  # the one ready service

# Operation names, exactly as sessionhub's clients name them in errors and logs
# (`APIError.operation`, the retry log): the request log records these and fault rules
# match on them. Each maps to the handler of the spec's operationId.
OPERATIONS: Final[dict[Vendor, dict[str, str]]] = {
    "trinsic": {
        "sessions.create": "create_session",
        "sessions.get": "get_session",
        "sessions.list": "list_sessions",
        "sessions.cancel": "cancel_session",
    },
    "sipher": {
        "sessions.create": "create_session",
        "sessions.get": "get_session",
        "sessions.update": "update_session",
        "sessions.delete": "delete_session",
    },
    "equos": {
        "sessions.create": "create_session",
        "sessions.get": "get_session",
        "sessions.list": "list_sessions",
        "sessions.stop": "stop_session",
    },
    "twilio": {
        "sessions.create": "create_session",
        "sessions.get": "fetch_session",
        "sessions.list": "list_sessions",
        "sessions.update": "update_session",
        "sessions.delete": "delete_session",
    },
}

# Names a fault rule or a log filter also accepts. Twilio's own SDKs say `fetch` where
# sessionhub says `get` on every vendor (its Twilio client keeps `fetch` as an alias), so
# `sessions.fetch` still names Twilio's `sessions.get`.
OPERATION_ALIASES: Final[dict[Vendor, dict[str, str]]] = {
    "trinsic": {},
    "sipher": {},
    "equos": {},
    "twilio": {"sessions.fetch": "sessions.get"},
}


def operation_name(vendor: str, handler: str) -> str:
    """The client's name (`sessions.get`) of a vendor's handler (`fetch_session`)."""
    for name, target in OPERATIONS[vendor].items():  # type: ignore[index]
        if target == handler:
            return name
    raise KeyError(f"{vendor} has no operation {handler!r}")


def canonical_operation(vendor: str | None, name: str) -> str:
    """`name` as the request log records it for `vendor` (aliases resolved); SandboxUsageError
    (a ValueError) for a name no vendor (or not this vendor) serves."""
    if vendor is not None:
        if vendor not in VENDORS:
            raise SandboxUsageError(
                f"unknown vendor {vendor!r}; expected one of {', '.join(VENDORS)}"
            )
        known = {*OPERATIONS[vendor], *OPERATION_ALIASES[vendor]}
        if name not in known:
            raise SandboxUsageError(
                f"unknown operation {name!r} for {vendor}; expected one of {sorted(known)}"
            )
        return OPERATION_ALIASES[vendor].get(name, name)
    known = {n for v in VENDORS for n in (*OPERATIONS[v], *OPERATION_ALIASES[v])}
    if name not in known:
        raise SandboxUsageError(f"unknown operation {name!r}; expected one of {sorted(known)}")
    return name


# The control plane's prefix: never a vendor's.
CONTROL_PREFIX: Final = "/_sandbox"

# Sipher's express.json limit (1 MB) applied to all four: larger bodies get the vendor's 413.
MAX_BODY_BYTES: Final = 1024 * 1024


def same_operation(vendor: str | None, wanted: str, recorded: str | None) -> bool:
    """Whether a rule's or a filter's `wanted` name means the `recorded` operation of a
    request to `vendor` (Twilio's `sessions.fetch` means its `sessions.get`)."""
    if recorded is None:
        return False
    if wanted == recorded:
        return True
    aliases = OPERATION_ALIASES.get(vendor, {}) if vendor is not None else {}  # type: ignore[call-overload]
    return bool(aliases.get(wanted) == recorded)
