"""Attendance registers: marking, walk-ins, closing with certificates and no-shows, and the
evaluation afterwards; and everything that must be refused."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from lms.auth.models import Role, User
from lms.bookings import registers, services
from lms.bookings.models import Attendance, Booking, CourseSession, Evaluation
from lms.certificates import services as certificates
from lms.certificates.models import Certificate
from lms.extensions import db
from lms.notify.models import OutboxMail
from tests.bookings.test_booking import new_session, people

PRESENT, LATE, ABSENT, EXCUSED = Attendance


def started_session(make_user, count=4, capacity=10):
    """A session booked by `count` people, then begun ten minutes ago."""
    session = new_session(capacity=capacity)
    bookings = [services.book(session.id, person) for person in people(make_user, count)]
    session.starts_at = services.now() - timedelta(minutes=10)
    session.ends_at = session.starts_at + timedelta(hours=3)
    db.session.commit()
    return session, bookings


def subjects(email):
    return db.session.scalars(select(OutboxMail.subject).where(
        OutboxMail.recipient == email).order_by(OutboxMail.id)).all()


def test_closing_issues_certificates_and_records_no_shows(app, make_user):
    session, (on_time, a_bit_late, too_late, absent, excused) = started_session(make_user, 5)
    registers.mark(session.id, {on_time.id: (PRESENT, None), a_bit_late.id: (LATE, 10),
                                too_late.id: (LATE, 45), absent.id: (ABSENT, None),
                                excused.id: (EXCUSED, None)})
    assert registers.close(session.id) == []
    certified = {b.id for b in db.session.scalars(select(Booking)) if b.certificate_id}
    assert certified == {on_time.id, a_bit_late.id}  # the course allows 15 minutes
    certificate = db.session.get(Certificate, db.session.get(Booking, on_time.id).certificate_id)
    assert certificates.for_attendance(certificate) and certificate.expires_at is None
    assert certificates.title(certificate, "pl") != certificate.title  # translated
    assert subjects(on_time.user.email)[-1].startswith("Your certificate of attendance")
    assert subjects(absent.user.email)[-1].startswith("You were not at the session")
    assert not subjects(excused.user.email)[-1].startswith("You were not")
    assert db.session.get(Booking, absent.id).no_show
    assert db.session.get(Booking, absent.id).agency_id == absent.user.agency_id
    assert db.session.get(CourseSession, session.id).register_closed_at is not None
    with pytest.raises(services.BookingError) as refused:
        registers.mark(session.id, {on_time.id: (ABSENT, None)})
    assert refused.value.reason == "register_closed"


def test_the_register_stays_open_while_anyone_is_unmarked(app, make_user):
    session, (marked, unmarked) = started_session(make_user, count=2)
    registers.mark(session.id, {marked.id: (PRESENT, None)})
    assert [b.id for b in registers.close(session.id)] == [unmarked.id]
    assert db.session.get(CourseSession, session.id).register_closed_at is None
    assert db.session.scalar(select(func.count()).select_from(Certificate)) == 0


def test_marking_is_refused_for_people_without_a_place_and_before_the_day(app, make_user):
    session, (booked, waiting) = started_session(make_user, count=2, capacity=1)
    assert waiting.status == "waiting"
    for marks, reason in [({waiting.id: (PRESENT, None)}, "not_on_register"),
                          ({999999: (PRESENT, None)}, "not_on_register"),
                          ({booked.id: (LATE, 100000)}, "minutes_late")]:
        with pytest.raises(services.BookingError) as refused:
            registers.mark(session.id, marks)
        assert refused.value.reason == reason
    assert db.session.get(Booking, booked.id).attendance is None
    future = new_session()
    with pytest.raises(services.BookingError) as refused:
        registers.mark(future.id, {})
    assert refused.value.reason == "register_not_open"


def test_walk_ins_existing_and_new(app, make_user, agency):
    session, (booked, waiting) = started_session(make_user, count=2, capacity=1)
    known = make_user(email="known@example.org")
    registers.add_walk_in(session.id, "KNOWN@example.org")
    registers.add_walk_in(session.id, waiting.user.email)  # came anyway: now on the register
    new = registers.add_walk_in(session.id, "new@example.org", name="Nia New",
                                agency_id=agency.id, language="lt")
    assert new.user.name == "Nia New" and new.user.language == "lt"
    on_register = {b.user.email for b in registers.on_register(session.id)}
    assert on_register == {booked.user.email, known.email, waiting.user.email,
                           "new@example.org"}
    assert db.session.get(Booking, waiting.id).walk_in
    assert db.session.get(CourseSession, session.id).taken == 1  # walk-ins use no places
    with pytest.raises(services.BookingError) as refused:
        registers.add_walk_in(session.id, "known@example.org")
    assert refused.value.reason == "already_on_register"
    with pytest.raises(services.BookingError) as refused:
        registers.add_walk_in(session.id, "stranger@example.org")
    assert refused.value.reason == "walk_in_details"
    assert db.session.scalar(select(User).where(User.email == "stranger@example.org")) is None


def test_trainers_see_their_own_sessions_and_coordinators_all(app, make_user):
    mine, other = new_session(), new_session()
    trainer = make_user(Role.TRAINER, email="t@example.org")
    mine.trainers = [trainer]
    db.session.commit()
    coordinator = make_user(Role.COORDINATOR, email="c@example.org")
    assert registers.sessions_of(trainer) == [mine]
    assert {s.id for s in registers.sessions_of(coordinator)} == {mine.id, other.id}
    assert registers.may_keep(trainer, mine) and not registers.may_keep(trainer, other)


def test_evaluation_once_by_the_person_who_attended(app, make_user):
    session, (came, absent) = started_session(make_user, count=2)
    registers.mark(session.id, {came.id: (PRESENT, None), absent.id: (ABSENT, None)})
    registers.close(session.id)
    registers.evaluate(came.id, came.user, 4, 3, 8, "  Ask about money and gifts.  ")
    saved = db.session.scalars(select(Evaluation)).one()
    assert (saved.course, saved.confidence_after, saved.will_do_differently) == (
        "level-1-multi-agency", 8, "Ask about money and gifts.")
    for booking_id, user, reason in [(came.id, came.user, "already_evaluated"),
                                     (absent.id, absent.user, "not_attended"),
                                     (came.id, absent.user, "not_yours")]:
        with pytest.raises(services.BookingError) as refused:
            registers.evaluate(booking_id, user, 3, 3, 3, None)
        assert refused.value.reason == reason


def test_evaluation_text_has_a_limit(app, make_user):
    session, (came,) = started_session(make_user, count=1)
    registers.mark(session.id, {came.id: (PRESENT, None)})
    registers.close(session.id)
    with pytest.raises(services.BookingError) as refused:
        registers.evaluate(came.id, came.user, 3, 3, 3, "x" * 2001)
    assert refused.value.reason == "too_long"
    registers.evaluate(came.id, came.user, 3, 3, 3, "x" * 2000)
