"""Booking places: confirmed or waiting, promotion in order and its cut-off, agency caps, late
cancellation, and everything that must be refused."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from lms.auth.models import Agency, Sector
from lms.bookings import services
from lms.bookings.models import Booking, CourseSession
from lms.extensions import db
from lms.notify.models import OutboxMail


def new_session(capacity=2, starts_in=timedelta(days=14), **extra):
    start = services.now() + starts_in
    return services.create_session("level-1-multi-agency", start, start + timedelta(hours=3),
                                   "Town Hall, Room 2", capacity,
                                   opens_at=services.now() - timedelta(days=1), **extra)


def people(make_user, count, **fields):
    return [make_user(email=f"p{n}@example.org", **fields) for n in range(count)]


def test_places_then_the_waiting_list_in_order(app, make_user):
    session = new_session(capacity=2)
    a, b, c, d = people(make_user, 4)
    assert services.book(session.id, a).status == "confirmed"
    assert services.book(session.id, b).status == "confirmed"
    waiting_c = services.book(session.id, c)
    waiting_d = services.book(session.id, d)
    assert (waiting_c.status, services.position(waiting_c)) == ("waiting", 1)
    assert services.position(waiting_d) == 2
    assert db.session.get(CourseSession, session.id).taken == 2


def test_cancelling_promotes_the_first_waiting_and_tells_them(app, make_user):
    session = new_session(capacity=1)
    a, b, c = people(make_user, 3)
    first = services.book(session.id, a)
    services.book(session.id, b)
    services.book(session.id, c)
    promoted = services.cancel(first.id, a)
    assert promoted.user_id == b.id and promoted.status == "confirmed"
    assert db.session.get(Booking, first.id).late_cancellation is False
    assert db.session.get(CourseSession, session.id).taken == 1
    subjects = db.session.scalars(select(OutboxMail.subject).order_by(OutboxMail.id)).all()
    assert sorted(subjects[-2:]) == [
        "A place is now yours: Child sexual exploitation: Level 1 multi-agency training",
        "Cancelled: Child sexual exploitation: Level 1 multi-agency training"]


def test_no_promotion_after_the_cut_off_and_late_cancellation_is_recorded(app, make_user):
    session = new_session(capacity=1, starts_in=timedelta(hours=30))
    a, b = people(make_user, 2)
    session.booking_closes_at = session.starts_at  # still bookable, for this test
    db.session.commit()
    first = services.book(session.id, a)
    services.book(session.id, b)
    assert services.cancel(first.id, a) is None  # within 48 hours: the co-ordinator decides
    assert db.session.get(Booking, first.id).late_cancellation is True
    assert db.session.get(CourseSession, session.id).taken == 0
    waiting = db.session.scalars(select(Booking).where(Booking.user_id == b.id)).one()
    assert waiting.status == "waiting"


def test_an_agency_cap_keeps_places_for_other_agencies(app, make_user):
    other = Agency(name="Health", sector=Sector.HEALTH)
    db.session.add(other)
    db.session.commit()
    session = new_session(capacity=3, agency_cap=1)
    police = people(make_user, 2)
    nurse = make_user(email="nurse@example.org", agency_id=other.id)
    assert services.book(session.id, police[0]).status == "confirmed"
    assert services.book(session.id, police[1]).status == "waiting"  # the cap, not capacity
    assert services.book(session.id, nurse).status == "confirmed"


@pytest.mark.parametrize("change, reason", [
    (lambda s: setattr(s, "cancelled_at", services.now()), "cancelled"),
    (lambda s: setattr(s, "booking_closes_at", services.now() - timedelta(minutes=1)), "closed"),
    (lambda s: setattr(s, "booking_opens_at", services.now() + timedelta(days=1)), "not_open"),
    (lambda s: (setattr(s, "starts_at", services.now() - timedelta(hours=1)),
                setattr(s, "ends_at", services.now() + timedelta(hours=1))), "past"),
])
def test_sessions_that_cannot_be_booked(app, make_user, change, reason):
    session = new_session()
    change(session)
    db.session.commit()
    with pytest.raises(services.BookingError) as refused:
        services.book(session.id, make_user())
    assert refused.value.reason == reason
    assert db.session.scalar(select(func.count()).select_from(Booking)) == 0


def test_double_booking_and_someone_elses_booking_change_nothing(app, make_user):
    session = new_session()
    a, b = people(make_user, 2)
    booking = services.book(session.id, a)
    with pytest.raises(services.BookingError) as refused:
        services.book(session.id, a)
    assert refused.value.reason == "already_booked"
    with pytest.raises(services.BookingError) as refused:
        services.cancel(booking.id, b)
    assert refused.value.reason == "not_yours"
    assert db.session.get(Booking, booking.id).status == "confirmed"
    services.cancel(booking.id, a)
    with pytest.raises(services.BookingError):
        services.cancel(booking.id, a)
    assert services.book(session.id, a).status == "confirmed"  # may book again after cancelling


def test_defaults_close_one_and_cut_off_three_working_days_before(app):
    session = new_session()
    monday = services.now().replace(hour=9, minute=30)
    while monday.weekday() != 0:
        monday += timedelta(days=1)
    assert services.working_days_before(monday, 1).weekday() == 4  # Friday
    assert services.working_days_before(monday, 3).weekday() == 2  # Wednesday
    assert session.booking_closes_at < session.starts_at and session.cancel_by < (
        session.booking_closes_at)
    assert session.starts_at - session.promote_until == timedelta(hours=48)


def test_the_pages(client, signed_in):
    session = new_session(capacity=1)
    signed_in()
    html = client.get("/courses/level-1-multi-agency").get_data(as_text=True)
    assert "1 place left" in html and "Book a place" in html
    response = client.post(f"/courses/sessions/{session.id}/book")
    assert response.headers["Location"].endswith("/bookings")
    html = client.get("/bookings").get_data(as_text=True)
    assert "Booked" in html and "Town Hall, Room 2" in html
    booking = db.session.scalars(select(Booking)).one()
    html = client.post(f"/bookings/{booking.id}/cancel", follow_redirects=True).get_data(
        as_text=True)
    assert "Your booking is cancelled." in html and "Cancel this booking" not in html
    assert client.get("/courses/nope").status_code == 404
    assert client.post("/courses/sessions/999/book").status_code == 404
