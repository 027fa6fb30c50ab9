"""The sandbox's fixed credentials, vendor names, operation names and limits.

Credentials are constants, not configuration, so that a test, a README and the demo can all
hard-code them and still agree; they open nothing but the sandbox.
"""

from __future__ import annotations

from typing import Final, Literal

__all__ = [
    "EQUOS_API_KEY",
    "MAX_BODY_BYTES",
    "OPERATIONS",
    "SIPHER_API_KEY",
    "SIPHER_FREE_API_KEY",
    "TRINSIC_API_KEY",
    "TWILIO_ACCOUNT_SID",
    "TWILIO_AUTH_TOKEN",
    "TWILIO_SERVICE_SID",
    "VENDORS",
    "Vendor",
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

# The operationIds of our specs (specs/*.yaml); the request log and fault scopes use them,
# so a test names an operation exactly as the spec and the generated client do.
OPERATIONS: Final[dict[Vendor, frozenset[str]]] = {
    "trinsic": frozenset({"create_session", "get_session", "list_sessions", "cancel_session"}),
    "sipher": frozenset({"create_session", "get_session", "update_session", "delete_session"}),
    "equos": frozenset({"create_session", "get_session", "list_sessions", "stop_session"}),
    "twilio": frozenset(
        {"create_session", "list_sessions", "fetch_session", "update_session", "delete_session"}
    ),
}

# Sipher's express.json limit (1 MB) applied to all four: larger bodies get the vendor's 413.
MAX_BODY_BYTES: Final = 1024 * 1024
