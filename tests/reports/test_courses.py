"""The face-to-face report: places, no-shows and late cancellations by agency, and what people
said afterwards; all in SQL."""

from datetime import timedelta

from lms.auth.models import Agency, Role, Sector
from lms.bookings import manage, registers, services
from lms.bookings.models import Attendance
from lms.extensions import db
from lms.reports import services as reports
from tests.bookings.test_booking import new_session
from tests.bookings.test_registers import started_session


def test_no_shows_and_late_cancellations_are_counted_against_the_agency(app, make_user):
    health = Agency(name="Health", sector=Sector.HEALTH)
    db.session.add(health)
    db.session.commit()
    session, (came, absent) = started_session(make_user, count=2)
    nurse = make_user(email="nurse@example.org", agency_id=health.id)
    soon = new_session(capacity=1, starts_in=timedelta(hours=30))
    soon.booking_closes_at = soon.starts_at
    db.session.commit()
    late = services.book(soon.id, nurse)
    services.cancel(late.id, nurse)
    # A session the partnership cancelled charges nobody.
    cancelled = new_session()
    services.book(cancelled.id, nurse)
    manage.cancel_session(cancelled.id)
    registers.mark(session.id, {came.id: (Attendance.PRESENT, None),
                                absent.id: (Attendance.ABSENT, None)})
    registers.close(session.id)
    rows = {row.agency: row for row in reports.attendance_by_agency()}
    police = rows["City Police"]
    assert (police.places, police.attended, police.no_shows, police.late_cancellations) == (
        2, 1, 1, 0)
    assert (rows["Health"].places, rows["Health"].late_cancellations) == (1, 1)


def test_feedback_means_by_course(app, make_user, client, signed_in):
    session, bookings = started_session(make_user, count=3)
    registers.mark(session.id, {b.id: (Attendance.PRESENT, None) for b in bookings})
    registers.close(session.id)
    for booking, (useful, before, after) in zip(bookings[:2], [(5, 2, 8), (4, 4, 7)], strict=True):
        registers.evaluate(booking.id, booking.user, useful, before, after, None)
    [row] = reports.course_feedback()
    assert (row.course, row.sessions, row.attended, row.evaluations) == (
        "level-1-multi-agency", 1, 3, 2)
    assert (row.usefulness, row.confidence_before, row.confidence_after) == (4.5, 3.0, 7.5)
    signed_in(Role.COORDINATOR, email="c@example.org")
    html = client.get("/reports/courses").get_data(as_text=True)
    assert "City Police" in html and "4.5" in html and "7.5" in html
    # The language links keep their names on every report (a page's own `languages` once hid them).
    for url in ("/reports/courses", "/reports/knowledge-checks"):
        assert 'hreflang="pl"' in client.get(url).get_data(as_text=True)
