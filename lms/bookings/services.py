"""Booking places on face-to-face sessions: fair waiting lists that cannot overbook.

Every change to a session's places takes a row lock on the session first (SELECT ... FOR UPDATE on
PostgreSQL; SQLite allows one writer at a time anyway), so simultaneous requests queue up: places
go in the order the locks are granted, and the waiting list keeps that order by booking id.
"""

from datetime import UTC, datetime, timedelta

from flask import current_app
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import contains_eager, selectinload

from .. import content
from ..auth.models import User
from ..extensions import db
from ..notify import services as notify
from . import calendar
from .models import Booking, BookingStatus, CourseSession

PROMOTION_CUTOFF = timedelta(hours=48)
REMINDER_BEFORE = timedelta(days=5)


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def working_days_before(moment: datetime, days: int) -> datetime:
    """The same time `days` working days (Monday to Friday) earlier."""
    while days:
        moment -= timedelta(days=1)
        if moment.weekday() < 5:
            days -= 1
    return moment


def create_session(course: str, starts_at: datetime, ends_at: datetime, venue: str,
                   capacity: int, agency_cap: int | None = None, trainers=(),
                   opens_at: datetime | None = None) -> CourseSession:
    """A new session with the partnership's defaults: booking closes one working day before,
    cancelling is free until three working days before, the waiting list moves until 48 hours
    before."""
    session = CourseSession(
        course=course, starts_at=starts_at, ends_at=ends_at, venue=venue, capacity=capacity,
        agency_cap=agency_cap, booking_opens_at=opens_at or now(),
        booking_closes_at=working_days_before(starts_at, 1),
        cancel_by=working_days_before(starts_at, 3), promote_until=starts_at - PROMOTION_CUTOFF,
        trainers=list(trainers),
    )
    db.session.add(session)
    db.session.commit()
    return session


class BookingError(Exception):
    """Why a booking cannot be made or changed: a reason the page translates."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def lock_session(session_id: int) -> CourseSession:
    return db.session.scalars(
        select(CourseSession).where(CourseSession.id == session_id)
        .with_for_update().execution_options(populate_existing=True)
    ).one()


def _agency_places(session: CourseSession, agency_id: int) -> int:
    return db.session.scalar(
        select(func.count()).select_from(Booking)
        .where(Booking.session_id == session.id, Booking.status == BookingStatus.CONFIRMED,
               Booking.walk_in.is_(False), Booking.agency_id == agency_id)
    )


def has_room_for(session: CourseSession, agency_id: int | None) -> bool:
    if session.taken >= session.capacity:
        return False
    return not session.agency_cap or agency_id is None or (
        _agency_places(session, agency_id) < session.agency_cap)


def refusal(session: CourseSession, moment: datetime) -> str | None:
    """Why the session cannot be booked at this moment, or None if it can."""
    if session.cancelled_at:
        return "cancelled"
    if session.starts_at <= moment:
        return "past"
    if moment < session.booking_opens_at:
        return "not_open"
    if moment >= session.booking_closes_at:
        return "closed"
    return None


def cancelling_is_late(booking: Booking, moment: datetime) -> bool:
    """Cancelling a confirmed place after the cut-off is recorded as late."""
    return booking.status == BookingStatus.CONFIRMED and moment > booking.session.cancel_by


def book(session_id: int, user: User) -> Booking:
    """A confirmed place while places remain (and the agency is under its cap), else a place on
    the waiting list. Mail goes in the same transaction."""
    session = lock_session(session_id)
    moment = now()
    reason = refusal(session, moment)
    if reason:
        db.session.rollback()
        raise BookingError(reason)
    confirmed = has_room_for(session, user.agency_id)
    booking = Booking(session_id=session.id, user_id=user.id, booked_at=moment,
                      agency_id=user.agency_id,
                      status=BookingStatus.CONFIRMED if confirmed else BookingStatus.WAITING,
                      confirmed_at=moment if confirmed else None)
    db.session.add(booking)
    if confirmed:
        session.taken += 1
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise BookingError("already_booked") from None
    mail(booking, "booking_confirmed" if confirmed else "booking_waiting")
    db.session.commit()
    return booking


def cancel(booking_id: int, user: User) -> Booking | None:
    """Cancel the learner's own booking; a freed place goes to the first person waiting who can
    take it, in the same transaction, until the promotion cut-off. Returns who was promoted."""
    booking = db.session.get(Booking, booking_id)
    if booking is None or booking.user_id != user.id:
        raise BookingError("not_yours")
    session = lock_session(booking.session_id)
    db.session.refresh(booking)
    if booking.status == BookingStatus.CANCELLED:
        db.session.rollback()
        raise BookingError("already_cancelled")
    moment = now()
    if session.starts_at <= moment:
        db.session.rollback()
        raise BookingError("past")
    was_confirmed = booking.status == BookingStatus.CONFIRMED
    booking.late_cancellation = cancelling_is_late(booking, moment)
    booking.status = BookingStatus.CANCELLED
    booking.cancelled_at = moment
    promoted = None
    if was_confirmed:
        session.taken -= 1
        db.session.flush()
        promoted = promote_waiting(session, moment)
        promoted = promoted[0] if promoted else None
    mail(booking, "booking_cancelled")
    db.session.commit()
    return promoted


def promote_waiting(session: CourseSession, moment: datetime) -> list[Booking]:
    """Give free places to the people waiting, in order, skipping anyone whose agency is at
    its cap; until the cut-off only. The caller holds the session's lock and commits."""
    if moment >= session.promote_until:
        return []
    promoted = []
    waiting = db.session.scalars(
        select(Booking).where(Booking.session_id == session.id,
                              Booking.status == BookingStatus.WAITING).order_by(Booking.id))
    for candidate in waiting:
        if session.taken >= session.capacity:
            break
        if has_room_for(session, candidate.agency_id):
            confirm(candidate, session, moment)
            mail(candidate, "booking_promoted")
            promoted.append(candidate)
    return promoted


def confirm(booking: Booking, session: CourseSession, moment: datetime) -> None:
    """Turn a waiting booking into a place. The caller holds the session's lock."""
    booking.status = BookingStatus.CONFIRMED
    booking.confirmed_at = moment
    session.taken += 1
    db.session.flush()


def position(booking: Booking) -> int | None:
    """Place on the waiting list, counting from 1."""
    if booking.status != BookingStatus.WAITING:
        return None
    return db.session.scalar(
        select(func.count()).select_from(Booking).where(
            Booking.session_id == booking.session_id, Booking.status == BookingStatus.WAITING,
            Booking.id <= booking.id))


def bookings_of(user: User) -> list[Booking]:
    return list(db.session.scalars(
        select(Booking).join(CourseSession).where(Booking.user_id == user.id)
        .options(contains_eager(Booking.session), selectinload(Booking.certificate))
        .order_by(CourseSession.starts_at, Booking.id)))


def live_booking(session: CourseSession, user: User) -> Booking | None:
    return db.session.scalar(select(Booking).where(
        Booking.session_id == session.id, Booking.user_id == user.id,
        Booking.status != BookingStatus.CANCELLED))


def upcoming(course: str | None = None) -> list[CourseSession]:
    query = select(CourseSession).where(CourseSession.starts_at > now(),
                                        CourseSession.cancelled_at.is_(None))
    if course:
        query = query.where(CourseSession.course == course)
    return list(db.session.scalars(query.order_by(CourseSession.starts_at)))


def waiting_counts(sessions: list[CourseSession]) -> dict[int, int]:
    if not sessions:
        return {}
    return dict(db.session.execute(
        select(Booking.session_id, func.count()).where(
            Booking.session_id.in_([s.id for s in sessions]),
            Booking.status == BookingStatus.WAITING).group_by(Booking.session_id)).all())


def send_reminders(at: datetime | None = None) -> int:
    """Remind everyone with a place, five days before the session, once: each reminder is claimed
    with a conditional update in the same transaction as its mail."""
    at = at or now()
    due = db.session.scalars(
        select(Booking).join(CourseSession).where(
            Booking.status == BookingStatus.CONFIRMED, Booking.reminded_at.is_(None),
            CourseSession.cancelled_at.is_(None), CourseSession.starts_at > at,
            CourseSession.starts_at <= at + REMINDER_BEFORE)).all()
    sent = 0
    for booking in due:
        claimed = db.session.execute(update(Booking).where(
            Booking.id == booking.id, Booking.reminded_at.is_(None)).values(reminded_at=at))
        if claimed.rowcount == 1:
            mail(booking, "booking_reminder")
            sent += 1
    db.session.commit()
    return sent


def course_title(slug: str, language: str) -> str:
    course = content.catalogue().courses.get(slug)
    return course.shown(language).text.title if course else slug


# Mails that carry a calendar invitation (REQUEST) or remove it (CANCEL).
CALENDAR_METHODS = {"booking_confirmed": "REQUEST", "booking_promoted": "REQUEST",
                    "booking_moved": "REQUEST", "session_changed": "REQUEST",
                    "booking_cancelled": "CANCEL", "session_cancelled": "CANCEL"}


def mail(booking: Booking, template: str, **extra) -> None:
    """Queue a mail about this booking in its person's language, in the caller's transaction.
    A calendar update goes only to someone who holds a place: the waiting list has no event."""
    user, session = booking.user, booking.session
    title = course_title(session.course, user.language)
    method = CALENDAR_METHODS.get(template)
    attachment = None
    if method and booking.confirmed_at:
        if template not in ("booking_confirmed", "booking_promoted"):
            booking.calendar_sequence += 1  # the same event, updated or cancelled
        attachment = ("session.ics", "text/calendar; method=" + method,
                      calendar.invitation(session, title, user, method, booking.id,
                                          booking.calendar_sequence))
    notify.queue_mail(
        user.email, template, user.language, user=user, session=session, title=title,
        position=position(booking) if booking.status == BookingStatus.WAITING else None,
        partnership_name=current_app.config["LMS_PARTNERSHIP_NAME"],
        base_url=current_app.config["LMS_BASE_URL"], attachment=attachment, **extra)
