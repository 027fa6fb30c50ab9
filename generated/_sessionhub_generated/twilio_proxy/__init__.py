"""A client library for accessing Twilio Proxy Sessions API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
