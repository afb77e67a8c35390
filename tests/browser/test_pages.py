"""Home, sign-in with a wrong password and registration with errors, in English and Urdu, on a
360 px phone, with axe."""

import pytest

from tests.browser.conftest import axe_violations, fits_the_screen
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_home(page, live_server, lang):
    page.goto(f"{live_server}/?lang={lang}")
    html = page.locator("html")
    assert html.get_attribute("lang") == lang
    assert html.get_attribute("dir") == ("rtl" if lang == "ur" else "ltr")
    assert page.locator("h1").is_visible()
    assert fits_the_screen(page)
    assert axe_violations(page) == []
    if lang == "ur":
        font = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
        assert "Noto Nastaliq Urdu" in font


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_wrong_password(page, live_server, make_user, lang):
    make_user()
    page.goto(f"{live_server}/sign-in?lang={lang}")
    page.locator("#email").fill("learner@example.org")
    page.locator("#password").fill("not the password")
    page.locator("main form [type=submit]").click()
    page.wait_for_load_state()
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert summary.evaluate("el => el === document.activeElement")  # GOV.UK JS moves focus
    if lang == "ur":
        assert "The email address or password is not right" not in summary.inner_text()
    assert fits_the_screen(page)
    assert axe_violations(page) == []


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_registration_with_errors(page, live_server, agency, lang):
    page.goto(f"{live_server}/register?lang={lang}")
    page.locator("#name").fill("Dariusz Nowak")
    page.locator("#job-2").check()  # taxi driver, so a licence number is needed
    page.locator("main form [type=submit]").click()
    page.wait_for_load_state()
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert page.locator("#name").input_value() == "Dariusz Nowak"
    assert page.locator(".govuk-form-group--error").count() >= 4
    assert fits_the_screen(page)
    assert axe_violations(page) == []


def test_keyboard_only_sign_in(page, live_server, make_user):
    make_user()
    page.goto(f"{live_server}/sign-in")
    page.keyboard.press("Tab")  # skip link first
    assert page.evaluate("document.activeElement.className").startswith("govuk-skip-link")
    page.locator("#email").focus()
    page.keyboard.type("learner@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server}/")
    assert page.get_by_role("button", name="Sign out").is_visible()


def test_works_without_javascript(browser, live_server, agency):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server}/register?lang=pl")
    page.locator("#name").fill("Anna Kowalska")
    page.locator("#email").fill("anna@example.org")
    page.locator("#job").check()  # works with children: no licence needed
    page.locator("#agency").select_option(str(agency.id))
    page.locator("#password").fill("a long enough password")
    page.locator("#confirm").fill("a long enough password")
    page.locator("main form [type=submit]").click()
    page.wait_for_url(f"{live_server}/learning")  # on to the learning for their job
    assert page.locator(".govuk-notification-banner").is_visible()
    context.close()


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_signed_in_pages_on_a_phone(page, live_server, make_user, agency, lang):
    """Account, people and organisations: axe-clean and no sideways scrolling at 360 px."""
    from lms.auth.models import Role

    admin = make_user(Role.ADMIN, email="a.very.long.email.address.for.testing@example.org",
                      language=lang)
    page.goto(f"{live_server}/sign-in?lang={lang}")
    page.locator("#email").fill(admin.email)
    page.locator("#password").fill(PASSWORD)
    page.locator("main form [type=submit]").click()
    page.wait_for_load_state()
    for path in ("/account", "/admin/people?q=example", f"/admin/people/{admin.id}",
                 "/agencies", f"/agencies/{agency.id}", "/help"):
        page.goto(f"{live_server}{path}")
        assert page.locator("html").get_attribute("lang") == lang
        assert fits_the_screen(page), path
        assert axe_violations(page) == [], path
