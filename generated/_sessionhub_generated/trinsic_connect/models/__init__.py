"""Contains all the data models used in inputs/outputs"""

from .cancel_session_response import CancelSessionResponse
from .create_session_request import CreateSessionRequest
from .create_session_response import CreateSessionResponse
from .failure_message import FailureMessage
from .get_session_response import GetSessionResponse
from .government_id_options import GovernmentIdOptions
from .idv_session_state import IdvSessionState
from .list_sessions_request import ListSessionsRequest
from .list_sessions_response import ListSessionsResponse
from .normalized_government_id_data import NormalizedGovernmentIdData
from .order_direction import OrderDirection
from .requested_verification import RequestedVerification
from .session import Session
from .session_fail_code import SessionFailCode
from .session_ordering import SessionOrdering
from .validation_result import ValidationResult
from .verification import Verification
from .verification_fail_code import VerificationFailCode
from .verification_map import VerificationMap
from .verification_state import VerificationState
from .verification_type import VerificationType

__all__ = (
    "CancelSessionResponse",
    "CreateSessionRequest",
    "CreateSessionResponse",
    "FailureMessage",
    "GetSessionResponse",
    "GovernmentIdOptions",
    "IdvSessionState",
    "ListSessionsRequest",
    "ListSessionsResponse",
    "NormalizedGovernmentIdData",
    "OrderDirection",
    "RequestedVerification",
    "Session",
    "SessionFailCode",
    "SessionOrdering",
    "ValidationResult",
    "Verification",
    "VerificationFailCode",
    "VerificationMap",
    "VerificationState",
    "VerificationType",
)
