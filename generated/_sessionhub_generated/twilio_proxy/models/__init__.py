"""Contains all the data models used in inputs/outputs"""

from .create_session_request import CreateSessionRequest
from .list_sessions_response import ListSessionsResponse
from .page_meta import PageMeta
from .participant_request import ParticipantRequest
from .session import Session
from .session_links import SessionLinks
from .session_mode import SessionMode
from .session_status import SessionStatus
from .twilio_error import TwilioError
from .update_session_request import UpdateSessionRequest

__all__ = (
    "CreateSessionRequest",
    "ListSessionsResponse",
    "PageMeta",
    "ParticipantRequest",
    "Session",
    "SessionLinks",
    "SessionMode",
    "SessionStatus",
    "TwilioError",
    "UpdateSessionRequest",
)
