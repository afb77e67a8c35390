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


def text_of(message) -> str:
    part = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    return part.get_payload(decode=True).decode("utf-8")


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


def test_changes_moves_registers_and_cancellations_through_smtp(app, smtp, make_user):  # noqa: F811
    from lms.bookings import manage, registers
    from lms.bookings.models import Attendance

    first = new_session(capacity=2)
    other = new_session(capacity=2, starts_in=timedelta(days=21))
    mover, stayer = people(make_user, 2)
    stayer.language = "lt"
    moved = services.book(first.id, mover)
    services.book(first.id, stayer)
    manage.move(moved.id, other.id)
    later = first.starts_at + timedelta(hours=1)
    manage.update(first.id, manage.SessionDetails(
        first.course, later, later + timedelta(hours=3), "Fire Station", 2,
        booking_opens_at=first.booking_opens_at))
    manage.cancel_session(other.id)
    assert notify.send_pending(20) == (5, 0)
    booked, _, moved_mail, changed, cancelled = smtp.messages  # in the order they were queued
    assert moved_mail["To"] == mover.email
    assert calendar_of(moved_mail)[0].get_param("method") == "REQUEST"
    uid = calendar_of(booked)[1].walk("VEVENT")[0]["uid"]
    assert calendar_of(moved_mail)[1].walk("VEVENT")[0]["uid"] == uid  # the same event moves
    assert changed["To"] == stayer.email and changed["Content-Language"] == "lt"
    assert "Fire Station" in text_of(changed)
    assert not str(changed["Subject"]).startswith("Changed")  # in Lithuanian
    assert cancelled["To"] == mover.email
    assert calendar_of(cancelled)[0].get_param("method") == "CANCEL"

    # The register of the first session, held now: a certificate mail and a no-show notice.
    smtp.messages.clear()
    absent = make_user(email="absent@example.org")
    services.book(first.id, absent)
    session = db.session.get(type(first), first.id)
    session.starts_at = services.now() - timedelta(minutes=5)
    db.session.commit()
    places = {b.user_id: b.id for b in registers.on_register(first.id)}
    registers.mark(first.id, {places[stayer.id]: (Attendance.PRESENT, None),
                              places[absent.id]: (Attendance.ABSENT, None)})
    registers.close(first.id)
    notify.send_pending(20)
    by_recipient = {m["To"]: m for m in smtp.messages}
    certificate_mail = text_of(by_recipient[stayer.email])
    assert "http://lms.test/verify/" in certificate_mail
    assert by_recipient[stayer.email]["Content-Language"] == "lt"
    assert "absent" in text_of(by_recipient["absent@example.org"])
