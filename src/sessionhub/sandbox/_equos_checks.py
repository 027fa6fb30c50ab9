"""Equos's request validation, as NestJS's ValidationPipe (class-validator) does it:
every problem at once, each in its words, so that a client's error handling meets the
real 400 bodies."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

__all__ = ["AGENT_MODELS", "AVATAR_KEYS", "check_create", "query_int", "referenced_id"]

_PROVIDERS = ("openai", "gemini", "elevenlabs")
AGENT_MODELS = (
    "gemini-2.5-flash-native-audio-preview-09-2025",
    "gpt-4o-realtime-preview",
    "gpt-realtime",
)
# fmt: off
_VOICES = (  # Gemini's 30 voices, then OpenAI's 10 (those only on existing agents)
    "Puck", "Charon", "Kore", "Fenrir", "Aoede", "Leda", "Orus", "Zephyr", "Sulafat",
    "Sadachbia", "Sadaltager", "Vindemiatrix", "Zubenelgenubi", "Achird", "Pulcherrima",
    "Gacrux", "Schedar", "Alnilam", "Achernar", "Laomedeia", "Rasalgethi", "Algenib",
    "Erinome", "Despina", "Algieba", "Umbriel", "Iapetus", "Enceladus", "Autonoe",
    "Callirrhoe", "alloy", "marin", "cedar", "ash", "ballad", "coral", "echo", "sage",
    "shimmer", "verse",
)
# fmt: on
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#%\[\]]*")
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_IPV6_HOST = re.compile(r"\[[0-9A-Fa-f:.]+\](:[0-9]*)?")
# Up to 18 digits: nothing longer is a sensible value, and int() refuses 4300+ digits.
_INTEGER = re.compile(r"-?[0-9]{1,18}")
AVATAR_KEYS = ("identity", "name", "refImage")


def referenced_id(value: dict[str, Any], creation_keys: tuple[str, ...]) -> str | None:
    """The id when `value` is a reference (`{id}`) rather than a definition to create."""
    if isinstance(value.get("id"), str) and not all(key in value for key in creation_keys):
        return str(value["id"])
    return None


def check_create(body: Any) -> list[str]:
    """Every problem with a create body, as ValidationPipe's `message` list; [] when valid."""
    if not isinstance(body, dict):
        body = {}
    problems: list[str] = []
    _string(body, "name", problems, required=True)
    _string(body, "client", problems)
    _string(body, "additionalCtx", problems)
    if body.get("maxDuration") is not None and not _is_int(body["maxDuration"]):
        problems.append("maxDuration must be an integer number")
    template = body.get("templateVars")
    if template is not None:
        if not isinstance(template, dict):
            problems.append("templateVars must be an object")
        else:
            for key, value in template.items():
                if not isinstance(value, str):
                    problems.append(f"templateVars.{key} must be a string")
    host = body.get("host")
    if host is not None and _object(host, "host", problems):
        for key in ("serverUrl", "accessToken"):
            _string(host, key, problems, required=True, prefix="host.")
        if isinstance(host.get("serverUrl"), str) and not _is_uri(host["serverUrl"]):
            problems.append("host.serverUrl must be a URL address")
    for name in ("consumerIdentity", "remoteAgentConnectingIdentity"):
        identity = body.get(name)
        if identity is not None and _object(identity, name, problems):
            for key in ("identity", "name"):
                _string(identity, key, problems, required=True, prefix=f"{name}.")
    agent = body.get("agent")
    is_agent = agent is not None and _object(agent, "agent", problems)
    if is_agent and referenced_id(agent, ("provider",)) is None:
        _check_agent(agent, problems)
    avatar = body.get("avatar")
    if avatar is None:
        problems.append("avatar should not be empty")
    elif _object(avatar, "avatar", problems) and referenced_id(avatar, AVATAR_KEYS) is None:
        for key in AVATAR_KEYS:
            _string(avatar, key, problems, required=True, prefix="avatar.")
        _string(avatar, "agentId", problems, prefix="avatar.")
        _string(avatar, "client", problems, prefix="avatar.", max_length=64)
    return problems


def _check_agent(agent: dict[str, Any], problems: list[str]) -> None:
    for key, values in (("provider", _PROVIDERS), ("model", AGENT_MODELS), ("voice", _VOICES)):
        value = agent.get(key)
        if value not in values and (key == "provider" or value is not None):
            problems.append(f"agent.{key} must be one of the following values: {', '.join(values)}")
    for key in ("name", "client"):
        _string(agent, key, problems, prefix="agent.", max_length=64)
    for key in ("instructions", "greetingMsg", "remoteId"):
        _string(agent, key, problems, prefix="agent.")
    for key in ("search", "emotions", "memory"):
        if agent.get(key) is not None and not isinstance(agent[key], bool):
            problems.append(f"agent.{key} must be a boolean value")


def _string(
    body: dict[str, Any],
    key: str,
    problems: list[str],
    *,
    required: bool = False,
    prefix: str = "",
    max_length: int | None = None,
) -> None:
    value = body.get(key)
    if value is None:
        if required:
            problems.append(f"{prefix}{key} must be a string")
    elif not isinstance(value, str):
        problems.append(f"{prefix}{key} must be a string")
    elif max_length is not None and len(value) > max_length:
        problems.append(f"{prefix}{key} must be shorter than or equal to {max_length} characters")


def _object(value: Any, name: str, problems: list[str]) -> bool:
    if isinstance(value, dict):
        return True
    problems.append(f"nested property {name} must be either object or array")
    return False


def _is_uri(value: str) -> bool:
    """An absolute RFC 3986 URI (ASCII, a scheme, a numeric port, brackets only around
    an IPv6 host); the server URL is echoed back, where the spec says `format: uri`."""
    if not _URI.fullmatch(value) or _BAD_ESCAPE.search(value) or value.count("#") > 1:
        return False
    parts = urlsplit(value)
    host = parts.netloc.rpartition("@")[2]
    rest = value[len(parts.scheme) + 1 :].replace(parts.netloc, "", 1)
    if "[" in rest or "]" in rest:
        return False
    if host.startswith("["):
        return bool(_IPV6_HOST.fullmatch(host))
    port = host.partition(":")[2]
    return not {"[", "]"} & set(host) and (port == "" or port.isdigit())


def _is_int(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


def query_int(
    values: list[str], name: str, default: int, low: int, high: int | None, problems: list[str]
) -> int:
    """A whole-number query parameter within [low, high], or `default` when absent."""
    if not values:
        return default
    text = values[-1].strip()
    if len(values) > 1 or not _INTEGER.fullmatch(text):
        problems.append(f"{name} must be an integer number")
        return default
    value = int(text)
    if value < low:
        problems.append(f"{name} must not be less than {low}")
    elif high is not None and value > high:
        problems.append(f"{name} must not be greater than {high}")
    return value
