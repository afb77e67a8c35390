"""Storing responses: replays ignored, pairing by a keyed hash, counts in SQL, closed campaigns."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from lms.extensions import db
from lms.surveys import services
from lms.surveys.models import Response, SurveyAnswer

ANSWERS = [("year-group", "year-8", None, None), ("know-now", "", 7, None),
           ("talk-to", "teacher", None, None), ("talk-to", "friend", None, None)]


def test_a_response_is_stored_once_however_often_it_is_sent(app, school):
    rid = services.response_id(services.form_token(school, "after"), school, "after")
    assert services.submit(school, "after", "ru", rid, ANSWERS, None) is True
    assert services.submit(school, "after", "ru", rid, ANSWERS, None) is False  # a replay
    assert db.session.scalar(select(func.count()).select_from(Response)) == 1
    assert db.session.scalar(select(func.count()).select_from(SurveyAnswer)) == 4
    stored = db.session.scalars(select(Response)).one()
    assert (stored.language, stored.answered_on) == ("ru", services.today())
    assert len(stored.id) == 32 and not stored.id.isdigit()


def test_a_form_token_is_bound_to_its_school_and_part(app, campaign):
    first, second = campaign.schools
    token = services.form_token(first, "after")
    assert services.response_id(token, first, "after")
    assert services.response_id(token, second, "after") is None
    assert services.response_id(token, first, "before") is None
    assert services.response_id(token[:-2] + "xx", first, "after") is None


def test_pairing_matches_before_and_after_without_keeping_the_code(app, campaign, school):
    for part, code in [("before", "M-14-3"), ("after", "M-14-3"), ("before", "K-2-11")]:
        rid = services.response_id(services.form_token(school, part), school, part)
        services.submit(school, part, "en", rid, ANSWERS, code)
    assert services.pairs(campaign.id) == 1
    hashes = db.session.scalars(select(Response.pairing_hash)).all()
    assert all(len(h) == 64 and "M-14-3" not in h for h in hashes)
    assert services.pairing_hash(campaign, "M-14-3") in hashes
    with app.test_request_context():
        app.config["SECRET_KEY"] = "another secret"
        assert services.pairing_hash(campaign, "M-14-3") not in hashes  # keyed


def test_counts_per_school_and_part(app, campaign):
    first, second = campaign.schools
    for school, part in [(first, "after"), (first, "after"), (first, "before"), (second, "after")]:
        rid = services.response_id(services.form_token(school, part), school, part)
        services.submit(school, part, "en", rid, ANSWERS, None)
    assert services.counts(campaign.id) == {first.id: {"after": 2, "before": 1},
                                            second.id: {"after": 1}}
    assert services.totals() == {campaign.id: 4}


def test_closed_and_early_closed_campaigns_take_nothing(app, campaign, school):
    rid = services.response_id(services.form_token(school, "after"), school, "after")
    services.close_early(campaign.id)
    with pytest.raises(services.CampaignError):
        services.submit(school, "after", "en", rid, ANSWERS, None)
    campaign.closed_early_at = None
    campaign.closes_on = services.today() - timedelta(days=1)
    campaign.opens_on = campaign.closes_on - timedelta(days=5)
    db.session.commit()
    assert services.state(campaign) == "closed"
    with pytest.raises(services.CampaignError):
        services.submit(school, "after", "en", rid, ANSWERS, None)
    assert db.session.scalar(select(func.count()).select_from(Response)) == 0


def test_codes_are_unambiguous_and_forgiving_to_type(app, campaign):
    codes = {services.new_code() for _ in range(300)}
    assert not set("".join(codes)) & set("0O1IL2Z5S8B")
    school = campaign.schools[0]
    assert services.find_school(" " + school.code.lower()[:3] + "-" + school.code[3:]) == school
    assert services.find_school("") is None


def test_campaign_rules(app):
    today = services.today()
    details = services.CampaignDetails("X", "after-the-drama", today, today, False, ["A"])
    for change, reason in [({"survey": "nope"}, "survey"),
                           ({"closes_on": today - timedelta(days=1)}, "dates"),
                           ({"schools": []}, "schools"), ({"schools": ["x"] * 61}, "schools"),
                           ({"schools": ["x" * 121]}, "schools")]:
        with pytest.raises(services.CampaignError) as refused:
            services.create_campaign(services.CampaignDetails(**{**details.__dict__, **change}))
        assert refused.value.reason == reason
    assert services.school_names(" A  school \n\na school\nB\n") == ["A school", "B"]
