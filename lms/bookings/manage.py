"""The co-ordinator's side of sessions: create, change and cancel them, add places, give a freed
place by hand after the cut-off, and move people between sessions. Every change that touches
places takes the session's row lock first, as booking does."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import selectinload

from ..auth.models import Role, User
from ..extensions import db
from .models import Booking, BookingStatus, CourseSession
from .services import (
    PROMOTION_CUTOFF,
    BookingError,
    confirm,
    lock_session,
    mail,
    now,
    promote_waiting,
    working_days_before,
)


@dataclass
class SessionDetails:
    """What a co-ordinator sets; times are UTC. Missing deadlines take the defaults."""

    course: str
    starts_at: datetime
    ends_at: datetime
    venue: str
    capacity: int
    online_link: str | None = None
    agency_cap: int | None = None
    trainer_ids: tuple[int, ...] = ()
    booking_opens_at: datetime | None = None
    booking_closes_at: datetime | None = None
    cancel_by: datetime | None = None


def trainers() -> list[User]:
    """Everyone who can be named as a session's trainer."""
    return list(db.session.scalars(select(User).where(
        User.role.in_([Role.TRAINER, Role.COORDINATOR])).order_by(User.name)))


def _apply(session: CourseSession, details: SessionDetails) -> None:
    if details.ends_at <= details.starts_at:
        raise BookingError("ends_before_start")
    if details.capacity < session.taken:
        raise BookingError("capacity_below_taken")
    session.course = details.course
    session.starts_at, session.ends_at = details.starts_at, details.ends_at
    session.venue, session.online_link = details.venue, details.online_link or None
    session.capacity, session.agency_cap = details.capacity, details.agency_cap
    session.booking_opens_at = details.booking_opens_at or session.booking_opens_at or now()
    session.booking_closes_at = (details.booking_closes_at
                                 or working_days_before(details.starts_at, 1))
    session.cancel_by = details.cancel_by or working_days_before(details.starts_at, 3)
    session.promote_until = details.starts_at - PROMOTION_CUTOFF
    if not (session.booking_opens_at < session.booking_closes_at <= session.starts_at
            and session.cancel_by <= session.starts_at):
        raise BookingError("deadlines")
    session.trainers = list(db.session.scalars(
        select(User).where(User.id.in_(details.trainer_ids)))) if details.trainer_ids else []


def create(details: SessionDetails) -> CourseSession:
    session = CourseSession(taken=0)
    _apply(session, details)
    db.session.add(session)
    db.session.commit()
    return session


def update(session_id: int, details: SessionDetails) -> list[Booking]:
    """Change a session. Everyone booked or waiting is told when the date, time or place
    changes; places added go to the people waiting. Returns who was given a place."""
    session = lock_session(session_id)
    reason = "cancelled" if session.cancelled_at else (
        "past" if session.starts_at <= now() else None)
    if reason:
        db.session.rollback()
        raise BookingError(reason)
    before = (session.starts_at, session.ends_at, session.venue, session.online_link)
    try:
        _apply(session, details)
    except BookingError:
        db.session.rollback()
        raise
    db.session.flush()
    promoted = promote_waiting(session, now())
    if before != (session.starts_at, session.ends_at, session.venue, session.online_link):
        for booking in live_bookings(session.id):
            if booking not in promoted:
                mail(booking, "session_changed")
    db.session.commit()
    return promoted


def cancel_session(session_id: int) -> int:
    """Cancel a session: every booking ends (none of them late) and everyone is told.
    Returns how many people were told."""
    session = lock_session(session_id)
    if session.cancelled_at:
        db.session.rollback()
        raise BookingError("cancelled")
    moment = now()
    if session.starts_at <= moment:
        db.session.rollback()
        raise BookingError("past")
    session.cancelled_at = moment
    bookings = live_bookings(session.id)
    for booking in bookings:
        booking.status = BookingStatus.CANCELLED
        booking.cancelled_at = moment
        mail(booking, "session_cancelled")
    session.taken = 0
    db.session.commit()
    return len(bookings)


def give_place(booking_id: int) -> Booking:
    """A co-ordinator gives a free place to someone waiting: after the cut-off, freed places
    wait for this rather than going to someone who may no longer be able to come."""
    booking = db.session.get(Booking, booking_id) or _missing()
    session = lock_session(booking.session_id)
    db.session.refresh(booking)
    if booking.status != BookingStatus.WAITING:
        db.session.rollback()
        raise BookingError("not_waiting")
    if session.starts_at <= now():
        db.session.rollback()
        raise BookingError("past")
    if session.taken >= session.capacity:
        db.session.rollback()
        raise BookingError("full")
    confirm(booking, session, now())
    mail(booking, "booking_promoted")
    db.session.commit()
    return booking


def move(booking_id: int, to_session_id: int) -> Booking:
    """Move a person's booking (a place, or a place on the waiting list) to a place on another
    session of the same course. The place they leave goes to the next person waiting."""
    booking = db.session.get(Booking, booking_id) or _missing()
    if to_session_id == booking.session_id:
        raise BookingError("same_session")
    # Lock both sessions, lower id first, so two moves in opposite directions cannot deadlock.
    first, second = sorted((booking.session_id, to_session_id))
    locked = {first: lock_session(first), second: lock_session(second)}
    source, target = locked[booking.session_id], locked[to_session_id]
    db.session.refresh(booking)
    moment = now()
    reason = _cannot_move(booking, source, target, moment)
    if reason:
        db.session.rollback()
        raise BookingError(reason)
    was_confirmed = booking.status == BookingStatus.CONFIRMED
    booking.session_id = target.id
    booking.session = target
    if was_confirmed:
        source.taken -= 1
    booking.status = BookingStatus.WAITING  # confirm() below counts the place in the target
    booking.late_cancellation = False
    confirm(booking, target, booking.confirmed_at or moment)
    if was_confirmed:
        promote_waiting(source, moment)
    mail(booking, "booking_moved")
    db.session.commit()
    return booking


def _cannot_move(booking, source, target, moment) -> str | None:
    if booking.status == BookingStatus.CANCELLED:
        return "already_cancelled"
    if target.course != source.course:
        return "other_course"
    if target.cancelled_at:
        return "cancelled"
    if target.starts_at <= moment or source.starts_at <= moment:
        return "past"
    if target.taken >= target.capacity:
        return "full"
    if db.session.scalar(select(Booking.id).where(
            Booking.session_id == target.id, Booking.user_id == booking.user_id,
            Booking.status != BookingStatus.CANCELLED)):
        return "already_booked"
    return None


def _missing():
    raise BookingError("no_booking")


def live_bookings(session_id: int) -> list[Booking]:
    """Places first (in booking order), then the waiting list in its order."""
    return list(db.session.scalars(
        select(Booking).where(Booking.session_id == session_id,
                              Booking.status != BookingStatus.CANCELLED)
        .options(selectinload(Booking.user).selectinload(User.agency))
        .order_by(case((Booking.status == BookingStatus.CONFIRMED, 0), else_=1), Booking.id)))


def late_cancellations(session_id: int) -> list[Booking]:
    return list(db.session.scalars(
        select(Booking).where(Booking.session_id == session_id,
                              Booking.late_cancellation.is_(True))
        .options(selectinload(Booking.user).selectinload(User.agency)).order_by(Booking.id)))


def overview(include_past: bool = False) -> list[tuple[CourseSession, int]]:
    """Every session with the number waiting, in one query; upcoming first."""
    waiting = (select(func.count()).where(Booking.session_id == CourseSession.id,
                                          Booking.status == BookingStatus.WAITING)
               .correlate(CourseSession).scalar_subquery())
    query = select(CourseSession, waiting)
    if not include_past:
        query = query.where(CourseSession.ends_at > now())
    return [tuple(row) for row in db.session.execute(query.order_by(CourseSession.starts_at))]


def needs_a_decision(session: CourseSession, waiting: int, moment: datetime) -> bool:
    """Places are free and people are waiting, but the waiting list no longer moves by itself."""
    return (not session.cancelled_at and moment >= session.promote_until
            and session.starts_at > moment and session.taken < session.capacity and waiting > 0)


def other_sessions(session: CourseSession) -> list[CourseSession]:
    """Where a person on this session could be moved: the course's other upcoming sessions."""
    return list(db.session.scalars(select(CourseSession).where(
        CourseSession.course == session.course, CourseSession.id != session.id,
        CourseSession.cancelled_at.is_(None), CourseSession.starts_at > now())
        .order_by(CourseSession.starts_at)))
