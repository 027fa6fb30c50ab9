"""A client library for accessing Trinsic Connect Sessions API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
