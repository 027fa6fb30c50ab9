"""Contains all the data models used in inputs/outputs"""

from .backend import Backend
from .chain import Chain
from .create_session_data import CreateSessionData
from .create_session_request import CreateSessionRequest
from .create_session_response import CreateSessionResponse
from .delete_session_data import DeleteSessionData
from .delete_session_response import DeleteSessionResponse
from .error_detail import ErrorDetail
from .error_response import ErrorResponse
from .get_session_response import GetSessionResponse
from .privacy_level import PrivacyLevel
from .rpc_provider import RpcProvider
from .session_data import SessionData
from .session_defaults import SessionDefaults
from .update_session_data import UpdateSessionData
from .update_session_request import UpdateSessionRequest
from .update_session_response import UpdateSessionResponse

__all__ = (
    "Backend",
    "Chain",
    "CreateSessionData",
    "CreateSessionRequest",
    "CreateSessionResponse",
    "DeleteSessionData",
    "DeleteSessionResponse",
    "ErrorDetail",
    "ErrorResponse",
    "GetSessionResponse",
    "PrivacyLevel",
    "RpcProvider",
    "SessionData",
    "SessionDefaults",
    "UpdateSessionData",
    "UpdateSessionRequest",
    "UpdateSessionResponse",
)
