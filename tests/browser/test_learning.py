"""A driver reads the taxi briefing in Polish on a phone; a young person reads a leaflet in Urdu."""

import re
import subprocess
from pathlib import Path

import pytest

from lms.auth.models import Job
from tests.browser.conftest import axe_violations, fits_the_screen
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser
RESULTS = Path(__file__).resolve().parents[2] / "test-results"


def check(page):
    assert fits_the_screen(page), page.url
    assert axe_violations(page) == [], page.url


def test_a_driver_reads_the_taxi_briefing_in_polish_on_a_phone(page, live_server, make_user, app):
    make_user(email="driver@example.org", job=Job.TAXI_DRIVER, licence_number="PH1234",
              language="pl")  # chosen when they registered
    item = app.extensions["lms.content"].items["taxi-drivers"]
    page.goto(f"{live_server}/sign-in?lang=pl")
    page.locator("#email").fill("driver@example.org")
    page.locator("#password").fill(PASSWORD)
    page.locator("main form [type=submit]").click()

    page.goto(f"{live_server}/learning")
    assert page.locator("html").get_attribute("lang") == "pl"
    link = page.get_by_role("link", name=item.intro.shown("pl").text.title)
    assert link.is_visible()
    assert page.locator("a[href='/learning/hotel-staff']").count() == 0  # their job's list
    check(page)
    link.click()
    page.locator("a.govuk-button--start").click()

    for number, part in enumerate(item.pages, start=1):
        assert page.locator("h1").inner_text() == part.shown("pl").text.title
        assert page.locator(".lms-translation-note").count() == 0
        assert f"{number}" in page.locator(".govuk-caption-m").inner_text()
        check(page)
        page.locator("main form .govuk-button").click()
        page.wait_for_load_state()

    assert page.url.endswith("/learning/taxi-drivers/check")  # then the knowledge check
    assert page.locator("html").get_attribute("lang") == "pl"
    check(page)


def test_the_young_peoples_leaflet_in_urdu_reads_right_to_left(page, live_server, app):
    leaflet = app.extensions["lms.content"].leaflets["young-people"]
    page.goto(f"{live_server}/leaflets/young-people?lang=ur")
    html = page.locator("html")
    assert html.get_attribute("dir") == "rtl" and html.get_attribute("lang") == "ur"
    assert page.locator("h1").inner_text() == leaflet.texts["ur"].title
    heading = page.locator(".lms-prose h2").first
    assert heading.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert "Noto Nastaliq Urdu" in heading.evaluate("el => getComputedStyle(el).fontFamily")
    # Text starts on the right: a short heading's words sit against the right edge of its box.
    box = page.locator(".lms-contacts h2")
    words = box.evaluate("""el => {
        const range = document.createRange(); range.selectNodeContents(el);
        const line = range.getClientRects()[0], own = el.getBoundingClientRect();
        return {left: line.left - own.left, right: own.right - line.right};
    }""")
    assert words["right"] < 2 < words["left"], words
    phone = page.locator(".lms-contacts a[href='tel:116000']")
    assert phone.inner_text() == "116 000"  # not reversed
    assert page.locator(".govuk-exit-this-page").is_visible()
    check(page)
    RESULTS.mkdir(exist_ok=True)
    page.screenshot(path=str(RESULTS / "leaflet-young-people-ur-360.png"), full_page=True)


def answer_all(page, quiz, right: bool):
    """Choose the right (or a wrong) option for every question on the page."""
    names = page.eval_on_selector_all(
        "main input[type=radio], main input[type=checkbox]", "els => els.map(e => e.name)")
    for name in dict.fromkeys(names):
        question = quiz.questions[name.removeprefix("q-")]
        wanted = question.correct if right else [
            o.id for o in question.options if not o.correct][:1]
        for option in wanted:
            page.locator(f"main input[name='{name}'][value='{option}']").check()


def test_a_driver_takes_the_check_in_lithuanian_fails_rereads_passes_and_is_verified(
        page, live_server, make_user, app, tmp_path):
    make_user(email="jonas@example.org", name="Jonas Žemaitis", job=Job.TAXI_DRIVER,
              licence_number="PH777", language="lt")
    item = app.extensions["lms.content"].items["taxi-drivers"]
    quiz = app.extensions["lms.content"].quizzes[item.quiz]
    page.goto(f"{live_server}/sign-in")
    page.locator("#email").fill("jonas@example.org")
    page.locator("#password").fill(PASSWORD)
    page.locator("main form [type=submit]").click()

    def read_every_page():
        page.goto(f"{live_server}/learning/taxi-drivers/{item.pages[0].slug}")
        for _ in item.pages:
            page.locator("main form .govuk-button").click()
            page.wait_for_load_state()

    read_every_page()
    assert page.url.endswith("/learning/taxi-drivers/check")
    assert page.locator("html").get_attribute("lang") == "lt"
    check(page)
    page.locator("main form .govuk-button").click()
    assert page.locator("main [lang='en']").count() == 0  # every question in Lithuanian
    check(page)
    answer_all(page, quiz, right=False)
    page.locator("main form > .govuk-button").click()
    assert page.locator(".govuk-tag--red").count() == quiz.draw  # every answer marked wrong
    assert page.locator(".lms-answer__feedback").count() >= quiz.draw
    check(page)

    read_every_page()  # re-read, then try again
    page.locator("main form .govuk-button").click()
    answer_all(page, quiz, right=True)
    page.locator("main form > .govuk-button").click()
    assert page.locator(".govuk-panel--confirmation").is_visible()
    check(page)

    page.locator("main a.govuk-button").click()  # to the certificate
    check(page)
    with page.expect_download() as download:
        page.locator("main a[download]").first.click()
    path = tmp_path / "certificate.pdf"
    download.value.save_as(path)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert "Jonas Žemaitis" in text
    address = re.search(r"https?://\S+/verify/[A-Z0-9-]+", text).group(0)
    page.goto(live_server + address[address.index("/verify/"):])
    assert page.locator(".lms-verify--valid").is_visible()
    assert "Jonas Žemaitis" in page.locator("main").inner_text()
    check(page)
