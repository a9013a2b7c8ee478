from .pages import AppealIndexPage, AppealPage, AppealStatus
from .signatures import (
    AppealCounter,
    AppealCountryCount,
    Display,
    Moderation,
    PaperCount,
    Signature,
    SignatureKind,
    SignatureStatus,
)

__all__ = [
    "AppealCounter",
    "AppealCountryCount",
    "AppealIndexPage",
    "AppealPage",
    "AppealStatus",
    "Display",
    "Moderation",
    "PaperCount",
    "Signature",
    "SignatureKind",
    "SignatureStatus",
]
