from enum import StrEnum


class AgentVoice(StrEnum):
    ACHERNAR = "Achernar"
    ACHIRD = "Achird"
    ALGENIB = "Algenib"
    ALGIEBA = "Algieba"
    ALLOY = "alloy"
    ALNILAM = "Alnilam"
    AOEDE = "Aoede"
    ASH = "ash"
    AUTONOE = "Autonoe"
    BALLAD = "ballad"
    CALLIRRHOE = "Callirrhoe"
    CEDAR = "cedar"
    CHARON = "Charon"
    CORAL = "coral"
    DESPINA = "Despina"
    ECHO = "echo"
    ENCELADUS = "Enceladus"
    ERINOME = "Erinome"
    FENRIR = "Fenrir"
    GACRUX = "Gacrux"
    IAPETUS = "Iapetus"
    KORE = "Kore"
    LAOMEDEIA = "Laomedeia"
    LEDA = "Leda"
    MARIN = "marin"
    ORUS = "Orus"
    PUCK = "Puck"
    PULCHERRIMA = "Pulcherrima"
    RASALGETHI = "Rasalgethi"
    SADACHBIA = "Sadachbia"
    SADALTAGER = "Sadaltager"
    SAGE = "sage"
    SCHEDAR = "Schedar"
    SHIMMER = "shimmer"
    SULAFAT = "Sulafat"
    UMBRIEL = "Umbriel"
    VERSE = "verse"
    VINDEMIATRIX = "Vindemiatrix"
    ZEPHYR = "Zephyr"
    ZUBENELGENUBI = "Zubenelgenubi"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "AgentVoice | None":
        # sessionhub: vendors add enum values over time. An unknown string parses to a
        # pseudo-member named UNDOCUMENTED whose value is the raw string, instead of failing
        # the whole response. Not cached, so hostile input cannot grow the class.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNDOCUMENTED"
        member._value_ = value
        return member
