"""Booking mail through a real SMTP server: calendar invitations, waiting list, language, and
nothing lost or sent twice while the mail server is down."""

from datetime import timedelta

from icalendar import Calendar
from sqlalchemy import select

from lms.bookings import services
from lms.extensions import db
from lms.notify import services as notify
from lms.notify.models import OutboxMail
from tests.bookings.test_booking import new_session, people
from tests.notify.test_outbox import smtp  # noqa: F401  (a fixture)


def calendar_of(message):
    part = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    return part, Calendar.from_ical(part.get_payload(decode=True))


def test_booked_waiting_promoted_and_cancelled_mail(app, smtp, make_user):  # noqa: F811
    session = new_session(capacity=1)
    first, second = people(make_user, 2)
    second.language = "pl"
    booking = services.book(session.id, first)
    services.book(session.id, second)
    services.cancel(booking.id, first)
    assert notify.send_pending(10) == (4, 0)
    booked, waiting, promoted, cancelled = smtp.messages  # in the order they were queued
    part, invite = calendar_of(booked)
    assert part.get_param("method") == "REQUEST"
    event = invite.walk("VEVENT")[0]
    assert str(event["summary"]) == "Child sexual exploitation: Level 1 multi-agency training"
    assert event.decoded("dtstart").replace(tzinfo=None) == session.starts_at.replace(
        microsecond=0)
    assert str(event["location"]) == "Town Hall, Room 2"
    assert not any(p.get_content_type() == "text/calendar" for p in waiting.walk())
    assert waiting["Content-Language"] == "pl" and not waiting.is_multipart()
    part, cancel = calendar_of(cancelled)
    assert part.get_param("method") == "CANCEL"
    assert cancel.walk("VEVENT")[0]["uid"] == event["uid"]  # removes the same event
    assert promoted["Content-Language"] == "pl"
    assert calendar_of(promoted)[0].get_param("method") == "REQUEST"


def test_twenty_bookings_while_the_mail_server_is_down(app, smtp, make_user):  # noqa: F811
    smtp.stop()
    session = new_session(capacity=15, starts_in=timedelta(days=20))
    for person in people(make_user, 20):
        services.book(session.id, person)
    assert notify.send_pending(50) == (0, 20)  # every one failed, every booking kept
    smtp.start()
    # As if the backoff had passed.
    db.session.query(OutboxMail).update({"next_attempt_at": notify.now() - timedelta(minutes=1)})
    db.session.commit()
    assert notify.send_pending(50) == (20, 0)
    assert notify.send_pending(50) == (0, 0)  # none twice
    assert len(smtp.messages) == 20


def test_a_reminder_five_days_before_once(app, make_user):
    soon = new_session(capacity=1, starts_in=timedelta(days=4))
    later = new_session(capacity=5, starts_in=timedelta(days=12))
    a, b, c = people(make_user, 3)
    services.book(soon.id, a)
    services.book(soon.id, b)  # waiting: no reminder
    services.book(later.id, c)
    db.session.query(OutboxMail).delete()
    db.session.commit()
    assert services.send_reminders() == 1
    assert services.send_reminders() == 0  # once
    mail = db.session.scalars(select(OutboxMail)).one()
    assert mail.recipient == a.email and mail.subject.startswith("Reminder: ")
    result = app.test_cli_runner().invoke(args=["reminders", "send"])
    assert result.exit_code == 0 and "queued 0 reminders" in result.output
