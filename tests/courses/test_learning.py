"""Reading online learning: the catalogue, pages in every language, progress and resume."""

from flask import current_app
from sqlalchemy import func, select

from lms import content
from lms.auth.models import Job, Role
from lms.courses.models import PageRead, Progress
from lms.extensions import db
from lms.i18n import LANGUAGES


def catalogue():
    return current_app.extensions["lms.content"]


def test_every_item_and_page_renders_in_every_language(client):
    items = catalogue().items.values()
    assert {item.slug for item in items} >= {
        "level-1-cse", "taxi-drivers", "door-staff", "takeaway-staff", "hotel-staff",
        "off-licence-staff"}
    for code in LANGUAGES:
        for item in items:
            response = client.get(f"/learning/{item.slug}?lang={code}")
            assert response.status_code == 200, (code, item.slug)
            for page in item.pages:
                response = client.get(f"/learning/{item.slug}/{page.slug}?lang={code}")
                html = response.get_data(as_text=True)
                assert response.status_code == 200, (code, item.slug, page.slug)
                assert f'<html lang="{code}" dir="{LANGUAGES[code].direction}"' in html
                shown = page.shown(code)
                assert shown.text.title in html
                assert ("lms-translation-note" in html) == (shown.fallback or shown.out_of_date)
                assert "[[" not in html


def test_catalogue_filters_by_audience_and_defaults_to_the_learners_job(client, signed_in):
    html = client.get("/learning?for=hotel").get_data(as_text=True)
    assert "/learning/hotel-staff" in html and "/learning/taxi-drivers" not in html
    html = client.get("/learning").get_data(as_text=True)
    assert "/learning/hotel-staff" in html and "/learning/level-1-cse" in html
    assert html.index("/learning/level-1-cse") < html.index("/learning/taxi-drivers")
    html = client.get("/learning?for=nonsense").get_data(as_text=True)
    assert "/learning/hotel-staff" in html  # an unknown group shows everything

    signed_in(Role.LEARNER, job=Job.TAXI_DRIVER, licence_number="PH1")
    html = client.get("/learning").get_data(as_text=True)
    assert "/learning/taxi-drivers" in html and "/learning/hotel-staff" not in html
    assert "Not started" in html
    html = client.get("/learning?for=all").get_data(as_text=True)
    assert "/learning/hotel-staff" in html


def test_unknown_items_pages_and_leaflets_are_404(client):
    for url in ("/learning/nope", "/learning/taxi-drivers/nope", "/learning/nope/signs",
                "/leaflets/nope", "/leaflets/nope.pdf", "/learning/taxi-drivers/../../etc"):
        assert client.get(url).status_code == 404, url


def test_a_missing_translation_falls_back_to_english_with_a_note(client):
    item = catalogue().items["taxi-drivers"]
    page = item.pages[0]
    polish = page.texts.pop("pl", None)  # as if Polish were not written yet
    try:
        html = client.get(f"/learning/taxi-drivers/{page.slug}?lang=pl").get_data(as_text=True)
    finally:
        if polish:
            page.texts["pl"] = polish
    assert 'class="govuk-inset-text lms-translation-note"' in html
    assert 'lang="en" dir="ltr">' + page.english.title in html
    others = [code for code in page.languages() if code not in ("en", "pl")]
    for code in others:
        assert f'hreflang="{code}"' in html
    assert page.english.html in html


def test_an_out_of_date_translation_says_so(client):
    page = catalogue().items["taxi-drivers"].pages[1]
    text = page.texts["ru"]
    old_version = text.version
    text.version = page.english.version - 1 if page.english.version > 1 else 0
    try:
        html = client.get(f"/learning/taxi-drivers/{page.slug}?lang=ru").get_data(as_text=True)
    finally:
        text.version = old_version
    assert "lms-translation-note" in html and 'hreflang="en"' in html
    assert text.html in html


def read_all(client, item):
    responses = []
    for page in item.pages:
        responses.append(client.post(f"/learning/{item.slug}/{page.slug}"))
    return responses


def test_progress_resume_and_completion(client, signed_in):
    user = signed_in(Role.LEARNER)
    item = catalogue().items["hotel-staff"]
    first, second = item.pages[0], item.pages[1]

    html = client.get(f"/learning/{item.slug}").get_data(as_text=True)
    assert "Start" in html and "You have read" not in html

    response = client.post(f"/learning/{item.slug}/{first.slug}")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/learning/{item.slug}/{second.slug}")
    client.post(f"/learning/{item.slug}/{first.slug}")  # twice: counted once

    html = client.get(f"/learning/{item.slug}").get_data(as_text=True)
    assert f"You have read 1 of {len(item.pages)} pages." in html
    assert f'href="/learning/{item.slug}/{second.slug}"' in html  # continue where left off
    assert "In progress" in client.get("/learning?for=hotel").get_data(as_text=True)

    responses = read_all(client, item)
    # Every page read: on to the knowledge check, which completes the item when passed.
    assert responses[-1].headers["Location"].endswith(f"/learning/{item.slug}/check")
    html = client.get(f"/learning/{item.slug}").get_data(as_text=True)
    assert "Take the knowledge check" in html and "You completed this on" not in html
    reads = db.session.scalar(select(func.count()).select_from(PageRead)
                              .where(PageRead.user_id == user.id))
    assert reads == len(item.pages)
    progress = db.session.scalars(select(Progress).where(Progress.user_id == user.id)).one()
    assert progress.item == item.slug and progress.completed_at is None


def test_completion_needs_every_page(client, signed_in):
    signed_in(Role.LEARNER)
    item = catalogue().items["door-staff"]
    for page in item.pages[:-1]:
        client.post(f"/learning/{item.slug}/{page.slug}")
    client.post(f"/learning/{item.slug}/{item.pages[-2].slug}")  # again, out of order
    html = client.get(f"/learning/{item.slug}").get_data(as_text=True)
    assert "You completed" not in html
    assert f'href="/learning/{item.slug}/{item.pages[-1].slug}"' in html


def test_visitors_read_without_saving_and_are_asked_to_sign_in(client):
    item = catalogue().items["takeaway-staff"]
    html = client.get(f"/learning/{item.slug}/{item.pages[0].slug}").get_data(as_text=True)
    assert f'href="/learning/{item.slug}/{item.pages[1].slug}"' in html  # a plain Next link
    assert 'method="post"' not in html.split("<main")[1]
    html = client.get(f"/learning/{item.slug}").get_data(as_text=True)
    assert "/sign-in?next=" in html
    response = client.post(f"/learning/{item.slug}/{item.pages[0].slug}")
    assert response.status_code == 302 and "/sign-in?next=" in response.headers["Location"]


def test_content_is_rendered_once_not_per_request(client, monkeypatch):
    calls = []
    monkeypatch.setattr(content.markup, "render", lambda *a: calls.append(a))
    for _ in range(3):
        client.get("/learning/level-1-cse/models")
    assert calls == []
