"""Attendance registers kept by trainers, certificates of attendance, no-shows, and what people
thought of the session afterwards."""

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from .. import content
from ..auth import services as auth
from ..auth.models import Role, User
from ..certificates import services as certificates
from ..extensions import db
from .models import Attendance, Booking, BookingStatus, CourseSession, Evaluation
from .services import BookingError, lock_session, mail, now

OPENS_BEFORE_START = timedelta(hours=1)  # trainers may start marking as people arrive
MINUTES_LATE_MAX = 600
EVALUATION_TEXT_MAX = 2000


ANY_REGISTER = (Role.COORDINATOR, Role.ADMIN)  # they may keep any session's register


def sessions_of(trainer: User) -> list[CourseSession]:
    """A trainer's sessions, soonest first; co-ordinators see every session's register."""
    query = select(CourseSession).where(CourseSession.cancelled_at.is_(None))
    if trainer.role not in ANY_REGISTER:
        query = query.where(CourseSession.trainers.any(User.id == trainer.id))
    return list(db.session.scalars(query.order_by(CourseSession.starts_at)))


def may_keep(trainer: User, session: CourseSession) -> bool:
    return trainer.role in ANY_REGISTER or trainer in session.trainers


def on_register(session_id: int) -> list[Booking]:
    """Everyone with a place, by name."""
    return list(db.session.scalars(
        select(Booking).join(User, User.id == Booking.user_id)
        .options(selectinload(Booking.user).selectinload(User.agency))
        .where(Booking.session_id == session_id, Booking.status == BookingStatus.CONFIRMED)
        .order_by(User.name, Booking.id)))


def refusal(session: CourseSession, moment: datetime) -> str | None:
    """Why the register cannot be marked now, or None."""
    if session.cancelled_at:
        return "cancelled"
    if session.register_closed_at:
        return "register_closed"
    if moment < session.starts_at - OPENS_BEFORE_START:
        return "register_not_open"
    return None


def mark(session_id: int, marks: dict[int, tuple[Attendance, int | None]]) -> None:
    """Record attendance: {booking id: (attendance, minutes late or None)}. A booking that is not
    a place on this session refuses the whole change."""
    session = lock_session(session_id)
    reason = refusal(session, now())
    places = {b.id: b for b in on_register(session_id)}
    if not reason and any(booking_id not in places for booking_id in marks):
        reason = "not_on_register"
    if not reason and any(minutes is not None and not 0 <= minutes <= MINUTES_LATE_MAX
                          for _, minutes in marks.values()):
        reason = "minutes_late"
    if reason:
        db.session.rollback()
        raise BookingError(reason)
    for booking_id, (attendance, minutes) in marks.items():
        booking = places[booking_id]
        booking.attendance = attendance
        booking.minutes_late = minutes if attendance == Attendance.LATE else None
    db.session.commit()


def add_walk_in(session_id: int, email: str, name: str | None = None,
                agency_id: int | None = None, language: str = "en") -> Booking:
    """Someone who came without a place: an existing account by email, or a new account made
    from name, email and agency. They are marked present; walk-ins do not use up places."""
    session = lock_session(session_id)
    reason = refusal(session, now())
    if reason:
        db.session.rollback()
        raise BookingError(reason)
    user = auth.find_by_email(email)
    if user is None:
        if not name or agency_id is None:
            db.session.rollback()
            raise BookingError("walk_in_details")
        user = auth.new_account(name, email, agency_id, language)
    existing = db.session.scalar(select(Booking).where(
        Booking.session_id == session.id, Booking.user_id == user.id,
        Booking.status != BookingStatus.CANCELLED))
    if existing and existing.status == BookingStatus.CONFIRMED:
        db.session.rollback()
        raise BookingError("already_on_register")
    moment = now()
    booking = existing or Booking(session_id=session.id, user_id=user.id, booked_at=moment,
                                  agency_id=user.agency_id)
    booking.status, booking.confirmed_at = BookingStatus.CONFIRMED, moment
    booking.walk_in, booking.attendance = True, Attendance.PRESENT
    db.session.add(booking)
    db.session.commit()
    return booking


def attended(booking: Booking, late_minutes: int) -> bool:
    """Present, or late by no more than the course allows."""
    return booking.attendance == Attendance.PRESENT or (
        booking.attendance == Attendance.LATE and (booking.minutes_late or 0) <= late_minutes)


def close(session_id: int) -> list[Booking]:
    """Close the register: certificates of attendance for those who attended, a no-show notice
    for those absent without an excuse, in one transaction. Refused while anyone is unmarked
    (BookingError "unmarked"); returns the unmarked bookings then, else an empty list."""
    session = lock_session(session_id)
    reason = refusal(session, now())
    if reason:
        db.session.rollback()
        raise BookingError(reason)
    places = on_register(session_id)
    unmarked = [b for b in places if b.attendance is None]
    if unmarked:
        db.session.rollback()
        return unmarked
    course = content.catalogue().courses.get(session.course)
    late_minutes = course.late_minutes if course else 15
    english_title = course.english.title if course else session.course
    for booking in places:
        if attended(booking, late_minutes):
            certificate = certificates.issue(booking.user, english_title, booking.user.language,
                                             item=certificates.course_item(session.course))
            booking.certificate_id = certificate.id
            mail(booking, "attendance_certificate", certificate=certificate)
        elif booking.attendance == Attendance.ABSENT:
            mail(booking, "no_show")
    session.register_closed_at = now()
    db.session.commit()
    return []


def evaluation_refusal(booking: Booking | None, user: User) -> str | None:
    if booking is None or booking.user_id != user.id:
        return "not_yours"
    if not booking.certificate_id:
        return "not_attended"
    if db.session.scalar(select(Evaluation.id).where(Evaluation.booking_id == booking.id)):
        return "already_evaluated"
    return None


def evaluate(booking_id: int, user: User, usefulness: int, confidence_before: int,
             confidence_after: int, will_do_differently: str | None) -> Evaluation:
    """One evaluation per attended session, by the person who attended."""
    booking = db.session.get(Booking, booking_id)
    reason = evaluation_refusal(booking, user)
    text = (will_do_differently or "").strip() or None
    if not reason and text and len(text) > EVALUATION_TEXT_MAX:
        reason = "too_long"
    if reason:
        raise BookingError(reason)
    evaluation = Evaluation(
        booking_id=booking.id, course=booking.session.course, usefulness=usefulness,
        confidence_before=confidence_before, confidence_after=confidence_after,
        will_do_differently=text, submitted_at=now())
    db.session.add(evaluation)
    try:
        db.session.commit()
    except IntegrityError:  # the same form sent twice at once
        db.session.rollback()
        raise BookingError("already_evaluated") from None
    return evaluation


def evaluated(bookings: list[Booking]) -> set[int]:
    ids = [b.id for b in bookings]
    if not ids:
        return set()
    return set(db.session.scalars(select(Evaluation.booking_id).where(
        Evaluation.booking_id.in_(ids))))
