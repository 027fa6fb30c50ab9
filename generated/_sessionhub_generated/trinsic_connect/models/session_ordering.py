from enum import StrEnum


class SessionOrdering(StrEnum):
    CREATED = "Created"
    STATE = "State"
    UPDATED = "Updated"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "SessionOrdering | None":
        # sessionhub: vendors add enum values over time. An unknown string parses to a
        # pseudo-member named UNDOCUMENTED whose value is the raw string, instead of failing
        # the whole response. Not cached, so hostile input cannot grow the class.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNDOCUMENTED"
        member._value_ = value
        return member
