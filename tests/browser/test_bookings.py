"""Two members of staff and the last place: one books it, one waits, the first cancels, the
second finds the place is theirs. On a phone, with axe."""

from datetime import timedelta

import pytest

from lms.bookings import services
from tests.browser.conftest import PHONE, axe_violations, fits_the_screen
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def signed_in_page(browser, live_server, email):
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(f"{live_server}/sign-in")
    page.locator("#email").fill(email)
    page.locator("#password").fill(PASSWORD)
    page.locator("main form [type=submit]").click()
    return page


def check(page):
    assert fits_the_screen(page), page.url
    assert axe_violations(page) == [], page.url


def test_the_last_place_the_waiting_list_and_a_cancellation(browser, live_server, make_user):
    start = services.now() + timedelta(days=10)
    services.create_session("level-1-multi-agency", start, start + timedelta(hours=3),
                            "Town Hall", 1, opens_at=services.now() - timedelta(days=1))
    make_user(email="first@example.org")
    make_user(email="second@example.org")

    first = signed_in_page(browser, live_server, "first@example.org")
    first.goto(f"{live_server}/courses/level-1-multi-agency")
    assert "1 place left" in first.locator("main").inner_text()
    check(first)
    first.get_by_role("button", name="Book a place").click()
    assert first.url.endswith("/bookings") and "Booked" in first.locator("main").inner_text()
    check(first)

    second = signed_in_page(browser, live_server, "second@example.org")
    second.goto(f"{live_server}/courses/level-1-multi-agency")
    second.get_by_role("button", name="Join the waiting list").click()
    assert "number 1" in second.locator(".govuk-notification-banner").inner_text()
    assert "On the waiting list" in second.locator("main").inner_text()
    check(second)

    first.get_by_role("button", name="Cancel this booking").click()
    assert "Your booking is cancelled" in first.locator("main").inner_text()

    second.reload()
    assert "Booked" in second.locator(".govuk-summary-card__title-wrapper").inner_text()
    check(second)


def test_a_trainer_marks_the_register_on_a_phone(browser, live_server, make_user):
    from lms.auth.models import Role
    from lms.bookings import registers
    from lms.bookings.models import Booking
    from lms.extensions import db

    trainer = make_user(Role.TRAINER, email="trainer@example.org")
    start = services.now() - timedelta(minutes=5)
    session = services.create_session("level-1-multi-agency", start, start + timedelta(hours=3),
                                      "Town Hall", 3, trainers=[trainer],
                                      opens_at=start - timedelta(days=1))
    names = ["Ama Present", "Ben Late", "Cy Absent"]
    for n, name in enumerate(names):
        person = make_user(email=f"p{n}@example.org", name=name)
        db.session.add(Booking(session_id=session.id, user_id=person.id,
                                        status="confirmed", booked_at=start,
                                        confirmed_at=start, agency_id=person.agency_id))
    session.taken = 3
    db.session.commit()
    ids = {b.user.name: b.id for b in registers.on_register(session.id)}

    page = signed_in_page(browser, live_server, "trainer@example.org")
    page.set_viewport_size({"width": 375, "height": 812})
    page.get_by_role("link", name="Registers").click()
    check(page)
    page.locator(f"a[href$='/registers/{session.id}']").click()
    check(page)
    page.locator(f"#attendance-{ids['Ama Present']}").check()
    page.locator(f"#attendance-{ids['Ben Late']}-2").check()
    page.locator(f"#minutes-{ids['Ben Late']}").fill("10")
    page.get_by_role("button", name="Save and close the register").click()
    # Cy is not marked yet: the register stays open and says who.
    summary = page.locator(".govuk-error-summary")
    assert "Cy Absent" in summary.inner_text()
    check(page)
    summary.get_by_role("link").first.click()
    page.locator(f"#attendance-{ids['Cy Absent']}-3").check()
    page.get_by_role("button", name="Save and close the register").click()
    assert "The register is closed" in page.locator("main").inner_text()
    check(page)
    certified = {b.user.name for b in registers.on_register(session.id) if b.certificate_id}
    assert certified == {"Ama Present", "Ben Late"}
