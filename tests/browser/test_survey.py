"""A student answers the questionnaire on a phone: in Russian at 360 px, and in Urdu right to
left (screenshot kept); "Exit this page" leaves the site; axe finds nothing."""

import pytest

from tests.browser.conftest import axe_violations, fits_the_screen
from tests.surveys.conftest import campaign, school  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser


def check(page):
    assert fits_the_screen(page), page.url
    assert axe_violations(page) == [], page.url


def answer_after_part(page):
    page.locator("#year-group-2").check()
    page.locator("#knew-before-4").check()  # 3
    page.locator("#know-now-9").check()  # 8
    page.locator("#warning-signs").check()
    page.locator("#story-jade").check()
    page.locator("#story-sam").check()
    page.locator("#talk-to").check()
    page.locator("#recommend").check()


def test_a_student_answers_in_russian_on_a_phone(page, live_server, school):  # noqa: F811
    page.goto(f"{live_server}/survey")
    page.locator("#code").fill(school.code.lower())
    page.locator("main form button").click()
    page.get_by_role("link", name="Русский").last.click()
    assert page.locator("html").get_attribute("lang") == "ru"
    check(page)
    page.locator("main .govuk-button-group a").last.click()  # after the play
    check(page)
    # Sent with answers missing: the error summary, then every answer kept once fixed.
    page.locator("#year-group-2").check()
    page.locator("main form button[type=submit]").click()
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible() and page.locator("#year-group-2").is_checked()
    check(page)
    answer_after_part(page)
    page.locator("#what-is-cse").fill("Когда взрослый использует ребенка")
    page.locator("main form button[type=submit]").click()
    assert page.url.endswith("/thank-you")
    assert "0800 1111" in page.locator("main").inner_text()
    check(page)
    page.route("https://www.bbc.co.uk/**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<title>Weather</title>"))
    page.locator(".govuk-exit-this-page__button").click()
    page.wait_for_url("https://www.bbc.co.uk/**")


def test_a_student_answers_in_urdu_right_to_left(page, live_server, school):  # noqa: F811
    page.goto(f"{live_server}/survey/{school.code}/after?lang=ur")
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ur", "rtl")
    check(page)
    # The questions read right to left: their radios sit on the right.
    radio = page.locator("#year-group").bounding_box()
    label = page.locator("label[for=year-group]").bounding_box()
    assert radio["x"] > label["x"]
    page.screenshot(path="test-results/survey-ur-360.png", full_page=True)
    answer_after_part(page)
    page.locator("main form button[type=submit]").click()
    assert page.url.endswith("/thank-you")
    check(page)
