"""A campaign open today at two schools, with the before part."""

from datetime import timedelta

import pytest

from lms.surveys import services


@pytest.fixture
def campaign(app):
    today = services.today()
    return services.create_campaign(services.CampaignDetails(
        "Year 8 drama", "after-the-drama", today - timedelta(days=1), today + timedelta(days=30),
        True, ["Hillside Academy", "Riverside School"]))


@pytest.fixture
def school(campaign):
    return campaign.schools[0]


# A complete set of answers to the "after" part, as the form sends them.
AFTER = {"year-group": "year-8", "knew-before": "3", "know-now": "8",
         "warning-signs": ["older-friend-gifts", "missing-from-home"], "story-jade": "unhealthy",
         "story-sam": "healthy", "talk-to": ["teacher", "childline"], "recommend": "yes",
         "what-is-cse": "When an adult uses a child", "anything-else": ""}
