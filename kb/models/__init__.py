from kb.models.care_models import CareModelIndexPage, CareModelPage, CareModelTag
from kb.models.organisations import OrganisationIndexPage, OrganisationPage, OrganisationTag
from kb.models.positions import (
    Endorsement,
    PolicyPositionIndexPage,
    PolicyPositionPage,
    PolicyPositionTag,
)
from kb.models.practices import GoodPracticeIndexPage, GoodPracticePage, GoodPracticeTag
from kb.models.taxonomy import Population, Region, Theme

__all__ = [
    "CareModelIndexPage",
    "CareModelPage",
    "CareModelTag",
    "Endorsement",
    "GoodPracticeIndexPage",
    "GoodPracticePage",
    "GoodPracticeTag",
    "OrganisationIndexPage",
    "OrganisationPage",
    "OrganisationTag",
    "PolicyPositionIndexPage",
    "PolicyPositionPage",
    "PolicyPositionTag",
    "Population",
    "Region",
    "Theme",
]
