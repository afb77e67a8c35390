"""The co-ordinator's side: creating and changing sessions, cancelling them, giving freed places
after the cut-off, and moving people between sessions."""

from datetime import timedelta

import pytest
from icalendar import Calendar
from sqlalchemy import select

from lms.bookings import manage, services
from lms.bookings.models import Booking, CourseSession
from lms.extensions import db
from lms.notify.models import OutboxMail
from tests.bookings.test_booking import new_session, people


def details(session: CourseSession, **changes) -> manage.SessionDetails:
    fields = dict(course=session.course, starts_at=session.starts_at, ends_at=session.ends_at,
                  venue=session.venue, capacity=session.capacity,
                  booking_opens_at=session.booking_opens_at)
    fields.update(changes)
    return manage.SessionDetails(**fields)


def mails_to(email: str) -> list[OutboxMail]:
    return list(db.session.scalars(
        select(OutboxMail).where(OutboxMail.recipient == email).order_by(OutboxMail.id)))


def test_create_takes_the_defaults_and_the_trainers(app, make_user):
    from lms.auth.models import Role

    trainer = make_user(Role.TRAINER, email="t@example.org")
    start = services.now() + timedelta(days=20)
    session = manage.create(manage.SessionDetails(
        "level-1-multi-agency", start, start + timedelta(hours=3), "Library", 12,
        agency_cap=3, trainer_ids=(trainer.id,)))
    assert session.trainers == [trainer]
    assert session.booking_closes_at == services.working_days_before(start, 1)
    assert session.cancel_by == services.working_days_before(start, 3)
    assert session.promote_until == start - timedelta(hours=48)
    with pytest.raises(services.BookingError) as refused:
        manage.create(manage.SessionDetails("level-1-multi-agency", start, start, "Library", 5))
    assert refused.value.reason == "ends_before_start"


def test_capacity_cannot_go_below_the_places_taken(app, make_user):
    session = new_session(capacity=3)
    for person in people(make_user, 3):
        services.book(session.id, person)
    with pytest.raises(services.BookingError) as refused:
        manage.update(session.id, details(session, capacity=2))
    assert refused.value.reason == "capacity_below_taken"
    assert db.session.get(CourseSession, session.id).capacity == 3


def test_more_places_go_to_the_waiting_list_in_order(app, make_user):
    session = new_session(capacity=1)
    a, b, c, d = people(make_user, 4)
    for person in (a, b, c, d):
        services.book(session.id, person)
    promoted = manage.update(session.id, details(session, capacity=3))
    assert [p.user_id for p in promoted] == [b.id, c.id]
    assert db.session.get(CourseSession, session.id).taken == 3
    assert mails_to(b.email)[-1].subject.startswith("A place is now yours")
    assert mails_to(d.email)[-1].subject.startswith("You are on the waiting list")  # no change


def test_a_changed_time_tells_everyone_and_updates_the_calendar_event(app, make_user):
    session = new_session(capacity=1)
    booked, waiting = people(make_user, 2)
    services.book(session.id, booked)
    services.book(session.id, waiting)
    later = session.starts_at + timedelta(days=1)
    manage.update(session.id, details(session, starts_at=later, ends_at=later + timedelta(hours=2),
                                      venue="Fire Station"))
    changed = mails_to(booked.email)[-1]
    assert changed.subject.startswith("Changed:") and "Fire Station" in changed.body
    event = Calendar.from_ical(changed.attachment).walk("VEVENT")[0]
    first = Calendar.from_ical(mails_to(booked.email)[0].attachment).walk("VEVENT")[0]
    assert event["uid"] == first["uid"] and event["sequence"] > first["sequence"]
    assert mails_to(waiting.email)[-1].attachment is None  # no event for the waiting list
    assert "waiting list, number 1" in mails_to(waiting.email)[-1].body


def test_cancelling_a_session_tells_everyone_and_charges_nobody(app, make_user):
    session = new_session(capacity=1, starts_in=timedelta(hours=30))
    booked, waiting = people(make_user, 2)
    session.booking_closes_at = session.starts_at
    db.session.commit()
    services.book(session.id, booked)
    services.book(session.id, waiting)
    assert manage.cancel_session(session.id) == 2
    bookings = db.session.scalars(select(Booking)).all()
    assert {b.status for b in bookings} == {"cancelled"}
    assert not any(b.late_cancellation for b in bookings)
    assert "CANCEL" in mails_to(booked.email)[-1].attachment_type
    assert mails_to(waiting.email)[-1].subject.startswith("Session cancelled")
    with pytest.raises(services.BookingError):
        manage.cancel_session(session.id)


def test_after_the_cut_off_a_freed_place_waits_for_the_coordinator(app, make_user):
    session = new_session(capacity=1, starts_in=timedelta(hours=30))
    session.booking_closes_at = session.starts_at
    db.session.commit()
    a, b = people(make_user, 2)
    first = services.book(session.id, a)
    second = services.book(session.id, b)
    services.cancel(first.id, a)
    [(row, waiting)] = [r for r in manage.overview() if r[0].id == session.id]
    assert manage.needs_a_decision(row, waiting, services.now())
    manage.give_place(second.id)
    assert db.session.get(Booking, second.id).status == "confirmed"
    assert mails_to(b.email)[-1].subject.startswith("A place is now yours")
    with pytest.raises(services.BookingError) as refused:
        manage.give_place(second.id)
    assert refused.value.reason == "not_waiting"


def test_giving_a_place_on_a_full_session_is_refused(app, make_user):
    session = new_session(capacity=1)
    a, b = people(make_user, 2)
    services.book(session.id, a)
    waiting = services.book(session.id, b)
    with pytest.raises(services.BookingError) as refused:
        manage.give_place(waiting.id)
    assert refused.value.reason == "full"


def test_moving_someone_frees_their_place_for_the_next_person(app, make_user):
    full = new_session(capacity=1)
    extra = new_session(capacity=5, starts_in=timedelta(days=21))
    a, b, c = people(make_user, 3)
    moved = services.book(full.id, a)
    services.book(full.id, b)
    services.book(full.id, c)
    manage.move(moved.id, extra.id)
    assert db.session.get(Booking, moved.id).session_id == extra.id
    assert db.session.get(CourseSession, extra.id).taken == 1
    assert db.session.get(CourseSession, full.id).taken == 1  # b was promoted
    assert services.live_booking(full, b).status == "confirmed"
    assert mails_to(a.email)[-1].subject.startswith("Your place has moved")
    # Someone waiting can be moved onto a session with room, and gets a place there.
    manage.move(services.live_booking(full, c).id, extra.id)
    assert db.session.get(CourseSession, extra.id).taken == 2


def test_moves_that_are_refused(app, make_user):
    source = new_session(capacity=2)
    full = new_session(capacity=1, starts_in=timedelta(days=21))
    a, b = people(make_user, 2)
    booking = services.book(source.id, a)
    services.book(full.id, b)
    other = services.create_session("sexually-harmful-behaviour", source.starts_at,
                                     source.ends_at, "Hall", 5)
    for target, reason in [(full.id, "full"), (other.id, "other_course"),
                           (source.id, "same_session")]:
        with pytest.raises(services.BookingError) as refused:
            manage.move(booking.id, target)
        assert refused.value.reason == reason
    services.book(full.id, a)  # now waiting there
    full.capacity = 3
    db.session.commit()
    with pytest.raises(services.BookingError) as refused:
        manage.move(booking.id, full.id)
    assert refused.value.reason == "already_booked"
    assert db.session.get(Booking, booking.id).session_id == source.id


def test_a_session_that_has_started_or_was_cancelled_cannot_be_changed(app, make_user):
    session = new_session()
    session.starts_at = services.now() - timedelta(minutes=5)
    db.session.commit()
    with pytest.raises(services.BookingError) as refused:
        manage.update(session.id, details(session, venue="Elsewhere",
                                          starts_at=services.now() + timedelta(days=3),
                                          ends_at=services.now() + timedelta(days=3, hours=2)))
    assert refused.value.reason == "past"
    assert db.session.get(CourseSession, session.id).venue == "Town Hall, Room 2"
