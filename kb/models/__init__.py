from kb.models.care_models import CareModelIndexPage, CareModelPage, CareModelTag
from kb.models.consultation import Consultation, PositionVersion
from kb.models.dashboard import NetworkDashboardPage
from kb.models.dialogues import (
    DialogueEventIndexPage,
    DialogueEventPage,
    DialogueEventTag,
    DialogueParticipation,
    Sector,
)
from kb.models.organisations import OrganisationIndexPage, OrganisationPage, OrganisationTag
from kb.models.positions import (
    Endorsement,
    PolicyPositionIndexPage,
    PolicyPositionPage,
    PolicyPositionTag,
    PositionRecipient,
    PositionResponse,
)
from kb.models.practices import GoodPracticeIndexPage, GoodPracticePage, GoodPracticeTag
from kb.models.taxonomy import Population, Region, Theme

__all__ = [
    "CareModelIndexPage",
    "CareModelPage",
    "CareModelTag",
    "Consultation",
    "DialogueEventIndexPage",
    "DialogueEventPage",
    "DialogueEventTag",
    "DialogueParticipation",
    "Endorsement",
    "GoodPracticeIndexPage",
    "GoodPracticePage",
    "GoodPracticeTag",
    "NetworkDashboardPage",
    "OrganisationIndexPage",
    "OrganisationPage",
    "OrganisationTag",
    "PolicyPositionIndexPage",
    "PolicyPositionPage",
    "PolicyPositionTag",
    "PositionRecipient",
    "PositionResponse",
    "PositionVersion",
    "Population",
    "Region",
    "Sector",
    "Theme",
]
