"""Face-to-face sessions of the partnership's courses, and the places booked on them."""

import enum
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, String, Table, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..auth.models import User, enum_column
from ..certificates.models import Certificate
from ..extensions import db

session_trainers = Table(
    "session_trainers", db.metadata,
    Column("session_id", ForeignKey("course_sessions.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
)


class CourseSession(db.Model):
    """One date of a course. `taken` counts confirmed places, changed only under a row lock."""

    __tablename__ = "course_sessions"
    __table_args__ = (
        CheckConstraint("capacity >= 0", name="capacity_not_negative"),
        CheckConstraint("taken >= 0 AND taken <= capacity", name="taken_within_capacity"),
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        CheckConstraint("agency_cap IS NULL OR agency_cap >= 1", name="agency_cap_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    course: Mapped[str] = mapped_column(String(64), index=True)  # a course in content/, by slug
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    venue: Mapped[str] = mapped_column(String(200))
    online_link: Mapped[str | None] = mapped_column(String(300))
    capacity: Mapped[int]
    taken: Mapped[int] = mapped_column(default=0)
    agency_cap: Mapped[int | None]  # most places one agency may hold
    booking_opens_at: Mapped[datetime]
    booking_closes_at: Mapped[datetime]
    cancel_by: Mapped[datetime]  # cancelling later is a late cancellation
    promote_until: Mapped[datetime]  # after this, a freed place goes to the co-ordinator
    cancelled_at: Mapped[datetime | None]
    register_closed_at: Mapped[datetime | None]  # the trainer's register, closed once

    trainers: Mapped[list[User]] = relationship(secondary=session_trainers)


class BookingStatus(enum.StrEnum):
    CONFIRMED = "confirmed"
    WAITING = "waiting"
    CANCELLED = "cancelled"

    @property
    def title(self):
        return BOOKING_TITLES[self]


BOOKING_TITLES = {
    BookingStatus.CONFIRMED: _l("Booked"),
    BookingStatus.WAITING: _l("On the waiting list"),
    BookingStatus.CANCELLED: _l("Cancelled"),
}


class Attendance(enum.StrEnum):
    PRESENT = "present"
    LATE = "late"
    ABSENT = "absent"
    EXCUSED = "excused"

    @property
    def title(self):
        return ATTENDANCE_TITLES[self]


ATTENDANCE_TITLES = {
    Attendance.PRESENT: _l("Present"),
    Attendance.LATE: _l("Late"),
    Attendance.ABSENT: _l("Absent"),
    Attendance.EXCUSED: _l("Absent with an excuse"),
}


class Booking(db.Model):
    __tablename__ = "bookings"
    __table_args__ = (
        # One live booking per person per session, however many clicks or tabs.
        Index("one_live_booking", "session_id", "user_id", unique=True,
              sqlite_where=text("status IN ('confirmed', 'waiting')"),
              postgresql_where=text("status IN ('confirmed', 'waiting')")),
        CheckConstraint("attendance IS NULL OR status = 'confirmed'",
                        name="attendance_of_a_place"),
        CheckConstraint("minutes_late IS NULL OR (attendance = 'late' AND minutes_late >= 0)",
                        name="minutes_late_when_late"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)  # waiting-list order: ids follow the lock
    session_id: Mapped[int] = mapped_column(
        ForeignKey("course_sessions.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    status: Mapped[BookingStatus] = mapped_column(enum_column(BookingStatus, "booking_status"))
    booked_at: Mapped[datetime]
    confirmed_at: Mapped[datetime | None]
    cancelled_at: Mapped[datetime | None]
    late_cancellation: Mapped[bool] = mapped_column(default=False)
    reminded_at: Mapped[datetime | None]  # the reminder five days before, sent once
    # The agency the person booked for: no-shows and late cancellations are charged to it.
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"), index=True)
    walk_in: Mapped[bool] = mapped_column(default=False)  # added on the day by the trainer
    calendar_sequence: Mapped[int] = mapped_column(default=0)  # raised with each .ics update
    attendance: Mapped[Attendance | None] = mapped_column(enum_column(Attendance, "attendance"))
    minutes_late: Mapped[int | None]
    certificate_id: Mapped[int | None] = mapped_column(ForeignKey("certificates.id"))

    session: Mapped[CourseSession] = relationship()
    user: Mapped[User] = relationship()
    certificate: Mapped[Certificate | None] = relationship()

    @property
    def no_show(self) -> bool:
        return self.attendance == Attendance.ABSENT


class Evaluation(db.Model):
    """What a person thought of a session they attended: one each, optional."""

    __tablename__ = "evaluations"
    __table_args__ = (
        CheckConstraint("usefulness BETWEEN 1 AND 5", name="usefulness_1_to_5"),
        CheckConstraint("confidence_before BETWEEN 0 AND 10", name="confidence_before_0_to_10"),
        CheckConstraint("confidence_after BETWEEN 0 AND 10", name="confidence_after_0_to_10"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(
        ForeignKey("bookings.id", ondelete="CASCADE"), unique=True)
    course: Mapped[str] = mapped_column(String(64), index=True)
    usefulness: Mapped[int]
    confidence_before: Mapped[int]
    confidence_after: Mapped[int]
    will_do_differently: Mapped[str | None] = mapped_column(Text)
    submitted_at: Mapped[datetime]
