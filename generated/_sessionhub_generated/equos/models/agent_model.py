from enum import StrEnum


class AgentModel(StrEnum):
    GEMINI_2_5_FLASH_NATIVE_AUDIO_PREVIEW_09_2025 = (
        "gemini-2.5-flash-native-audio-preview-09-2025"
    )
    GPT_4O_REALTIME_PREVIEW = "gpt-4o-realtime-preview"
    GPT_REALTIME = "gpt-realtime"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "AgentModel | None":
        # sessionhub: vendors add enum values over time. An unknown string parses to a
        # pseudo-member named UNDOCUMENTED whose value is the raw string, instead of failing
        # the whole response. Not cached, so hostile input cannot grow the class.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNDOCUMENTED"
        member._value_ = value
        return member
