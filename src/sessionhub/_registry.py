"""The four vendors, in one table: adding a fifth is a spec, its generated package, one
module in `_vendors/`, its public module, its sandbox module and a line here."""

from __future__ import annotations

from typing import NamedTuple

from ._exceptions import Vendor

__all__ = ["VENDORS", "VendorInfo", "by_name"]


# A NamedTuple rather than a dataclass: `import sessionhub` reads this table, and
# dataclasses costs about 5 ms of import (inspect) that nothing else at import time needs.
class VendorInfo(NamedTuple):
    name: Vendor
    module: str  # the public module
    client: str  # the client class's name in it
    base_url_env: str  # the environment variable that overrides the default base URL


VENDORS: tuple[VendorInfo, ...] = (
    VendorInfo("trinsic", "sessionhub.trinsic", "TrinsicConnect", "TRINSIC_BASE_URL"),
    VendorInfo("sipher", "sessionhub.sipher", "Sipher", "SIPHER_BASE_URL"),
    VendorInfo("equos", "sessionhub.equos", "Equos", "EQUOS_BASE_URL"),
    VendorInfo("twilio", "sessionhub.twilio", "TwilioProxy", "TWILIO_PROXY_BASE_URL"),
)

_BY_NAME = {info.name: info for info in VENDORS}


def by_name(name: Vendor) -> VendorInfo:
    return _BY_NAME[name]
