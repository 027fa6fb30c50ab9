"""Contains all the data models used in inputs/outputs"""

from .agent_model import AgentModel
from .agent_provider import AgentProvider
from .agent_voice import AgentVoice
from .create_agent_request import CreateAgentRequest
from .create_avatar_request import CreateAvatarRequest
from .create_session_request import CreateSessionRequest
from .create_session_response import CreateSessionResponse
from .equos_agent import EquosAgent
from .equos_avatar import EquosAvatar
from .equos_error import EquosError
from .equos_session import EquosSession
from .equos_session_host import EquosSessionHost
from .equos_session_server import EquosSessionServer
from .equos_transcript import EquosTranscript
from .equos_transcript_entry import EquosTranscriptEntry
from .list_sessions_response import ListSessionsResponse
from .participant_identity import ParticipantIdentity
from .resource_reference import ResourceReference
from .template_vars import TemplateVars

__all__ = (
    "AgentModel",
    "AgentProvider",
    "AgentVoice",
    "CreateAgentRequest",
    "CreateAvatarRequest",
    "CreateSessionRequest",
    "CreateSessionResponse",
    "EquosAgent",
    "EquosAvatar",
    "EquosError",
    "EquosSession",
    "EquosSessionHost",
    "EquosSessionServer",
    "EquosTranscript",
    "EquosTranscriptEntry",
    "ListSessionsResponse",
    "ParticipantIdentity",
    "ResourceReference",
    "TemplateVars",
)
