"""The questionnaire as a student uses it, every bad input, one answer per device; and the
co-ordinator's campaign pages, posters read back."""

import shutil
import subprocess

import pytest
from sqlalchemy import func, select

from lms.auth.models import Role
from lms.extensions import db
from lms.surveys import services
from lms.surveys.models import Campaign, Response, SurveyAnswer
from tests.surveys.conftest import AFTER


def form_of(client, url) -> dict:
    html = client.get(url).get_data(as_text=True)
    token = html.split('name="form_token" value="')[1].split('"')[0]
    return {"form_token": token}


def stored() -> int:
    return db.session.scalar(select(func.count()).select_from(Response))


def test_a_student_answers_in_russian_and_cannot_answer_twice(client, school):
    start = client.get(f"/survey/{school.code.lower()}?lang=ru").get_data(as_text=True)
    assert "Что ты думаешь о спектакле?" in start and "Exit this page" not in start
    assert "govuk-exit-this-page" in start and "116 000" in start
    url = f"/survey/{school.code}/after"
    response = client.post(url, data={**form_of(client, url), **AFTER})
    assert response.status_code == 302 and response.headers["Location"].endswith("/thank-you")
    thanks = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "govuk-exit-this-page" in thanks and "0800 1111" in thanks
    saved = db.session.scalars(select(Response)).one()
    assert saved.language == "ru" and saved.part == "after"
    options = set(db.session.scalars(select(SurveyAnswer.option).where(
        SurveyAnswer.question == "talk-to")))
    assert options == {"teacher", "childline"}
    # The same device again: a kind note, and no second response.
    again = client.get(url)
    assert again.status_code == 200 and "govuk-exit-this-page" in again.get_data(as_text=True)
    assert "form_token" not in again.get_data(as_text=True)
    client.post(url, data={**form_of(client, f"/survey/{school.code}/before"), **AFTER})
    assert stored() == 1


def test_a_replayed_submission_is_ignored(app, school):
    first, second = app.test_client(), app.test_client()
    url = f"/survey/{school.code}/after"
    data = {**form_of(first, url), **AFTER}
    assert first.post(url, data=data).status_code == 302
    assert second.post(url, data=data).status_code == 302  # another device, the same form
    assert stored() == 1


def test_missing_answers_bring_the_form_back_with_what_was_chosen(client, school):
    url = f"/survey/{school.code}/after"
    partial = {k: v for k, v in AFTER.items() if k not in ("story-jade", "know-now")}
    response = client.post(url, data={**form_of(client, url), **partial})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'href="#story-jade"' in html and 'href="#know-now"' in html
    assert 'value="year-8" checked' in html and "When an adult uses a child" in html
    assert stored() == 0


def test_text_over_the_limit_is_refused_and_kept(client, school):
    url = f"/survey/{school.code}/after"
    long_text = "word " * 400 + "w"  # 2,001 characters
    response = client.post(url, data={**form_of(client, url), **AFTER, "anything-else": long_text})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "2,000 characters or fewer" in html and long_text.strip()[:200] in html
    assert stored() == 0
    ok = {**form_of(client, url), **AFTER, "anything-else": "x" * 2000}
    assert client.post(url, data=ok).status_code == 302


@pytest.mark.parametrize("tamper", [
    {"story-jade": "maybe"}, {"know-now": "11"}, {"know-now": "-1"},
    {"warning-signs": ["new-haircut", "new-haircut"]}, {"year-group": ["year-7", "year-8"]},
    {"favourite-colour": "blue"}, {"form_token": "forged"}, {"pair-month": "13"},
])
def test_a_tampered_form_saves_nothing(client, school, tamper):
    url = f"/survey/{school.code}/after"
    response = client.post(url, data={**form_of(client, url), **AFTER, **tamper})
    assert response.status_code == 400
    assert "nothing was saved" in response.get_data(as_text=True)
    assert stored() == 0


def test_the_before_part_needs_the_secret_code(client, school):
    url = f"/survey/{school.code}/before"
    before = {"year-group": "year-8", "know-now": "2", "talk-to": "teacher"}
    response = client.post(url, data={**form_of(client, url), **before, "pair-letter": "12",
                                      "pair-day": "40"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Enter one letter" in html and "from 1 to 31" in html and "Choose a month" in html
    response = client.post(url, data={**form_of(client, url), **before, "pair-letter": "ż",
                                      "pair-day": "14", "pair-month": "3"})
    assert response.status_code == 302
    assert db.session.scalars(select(Response)).one().pairing_hash is not None


def test_unknown_closed_and_not_yet_open_codes(client, campaign, school):
    assert client.get("/survey/NOSUCH?lang=pl").status_code == 404
    assert "govuk-exit-this-page" in client.get("/survey/NOSUCH").get_data(as_text=True)
    assert client.get("/survey?code=ab c").headers["Location"].endswith("/survey/ABC")
    services.close_early(campaign.id)
    assert client.get(f"/survey/{school.code}").status_code == 410
    url = f"/survey/{school.code}/after"
    assert client.post(url, data=AFTER).status_code == 410
    assert stored() == 0


def test_a_coordinator_runs_a_campaign(client, signed_in):
    signed_in(Role.COORDINATOR)
    today = services.today()
    day = [str(today.day), str(today.month), str(today.year)]
    bad = client.post("/campaigns/new", data={"name": "Drama", "survey": "after-the-drama",
                                              "opens_on": day, "closes_on": ["1", "1", "2020"],
                                              "schools": "A school"})
    assert bad.status_code == 400 and "on or after the opening date" in bad.get_data(
        as_text=True)
    response = client.post("/campaigns/new", data={
        "name": "Drama", "survey": "after-the-drama", "opens_on": day, "closes_on": day,
        "pairing": "y", "schools": "Hillside Academy\nRiverside School\n"})
    assert response.status_code == 302
    campaign = db.session.scalars(select(Campaign)).one()
    assert [s.name for s in campaign.schools] == ["Hillside Academy", "Riverside School"]
    page = client.get(f"/campaigns/{campaign.id}").get_data(as_text=True)
    assert campaign.schools[0].code in page and "Students matched before and after" in page
    client.post(f"/campaigns/{campaign.id}/close")
    assert services.state(db.session.get(Campaign, campaign.id)) == "closed"
    assert client.get(f"/campaigns/{campaign.id}/answers").status_code == 200


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_the_poster_reads_back(client, signed_in, campaign, school, tmp_path):
    signed_in(Role.COORDINATOR)
    response = client.get(f"/campaigns/{campaign.id}/schools/{school.id}/poster.pdf")
    assert response.mimetype == "application/pdf"
    path = tmp_path / "poster.pdf"
    path.write_bytes(response.data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert school.code in text and f"http://lms.test/survey/{school.code}" in text
    assert school.name in text and "Polski" in text
    other = campaign.schools[1]
    assert client.get(f"/campaigns/999/schools/{other.id}/poster.pdf").status_code == 404


def test_written_answers_are_for_coordinators_only(client, signed_in, school):
    url = f"/survey/{school.code}/after"
    client.post(url, data={**form_of(client, url), **AFTER, "anything-else": "<b>help</b>"})
    signed_in(Role.TRAINER)
    assert client.get(f"/campaigns/{school.campaign_id}/answers").status_code == 403
    client.post("/sign-out")
    signed_in(Role.COORDINATOR, email="c@example.org")
    html = client.get(f"/campaigns/{school.campaign_id}/answers").get_data(as_text=True)
    assert "&lt;b&gt;help&lt;/b&gt;" in html and "When an adult uses a child" in html
