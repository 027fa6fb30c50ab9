"""Twilio Proxy v1 Sessions: the `TwilioProxy` client and the models it returns."""

from ._vendors.twilio import Session, SessionMode, SessionStatus, TwilioProxy, TwilioSessions

__all__ = ["Session", "SessionMode", "SessionStatus", "TwilioProxy", "TwilioSessions"]
