"""Courses and their sessions; booking a place, the waiting list and the learner's bookings."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from .. import access, content
from ..extensions import db
from . import services
from .models import CourseSession

bp = Blueprint("bookings", __name__, template_folder="templates")

REASONS = {
    "cancelled": _l("This session has been cancelled."),
    "past": _l("This session has already started or taken place."),
    "not_open": _l("Booking for this session has not opened yet."),
    "closed": _l("Booking for this session has closed."),
    "already_booked": _l("You already have a place or a place on the waiting list for this "
                         "session."),
    "not_yours": _l("That booking is not yours, so nothing was changed."),
    "already_cancelled": _l("That booking was already cancelled."),
}


@bp.route("/courses")
@access.allow(access.EVERYONE)
def courses():
    sessions = services.upcoming()
    by_course: dict[str, list[CourseSession]] = {}
    for session in sessions:
        by_course.setdefault(session.course, []).append(session)
    return render_template("bookings/courses.html", courses=content.catalogue().courses,
                           by_course=by_course)


@bp.route("/courses/<slug>")
@access.allow(access.EVERYONE)
def course(slug):
    course = content.catalogue().courses.get(slug) or abort(404)
    sessions = services.upcoming(slug)
    mine = {}
    if current_user.is_authenticated:
        mine = {s.id: services.live_booking(s, current_user) for s in sessions}
    moment = services.now()
    return render_template(
        "bookings/course.html", course=course, shown=course.shown(str(get_locale())),
        sessions=sessions, mine=mine, waiting=services.waiting_counts(sessions),
        bookable={s.id for s in sessions if services.refusal(s, moment) is None},
    )


@bp.route("/courses/sessions/<id:session_id>/book", methods=["POST"])
@access.allow(access.SIGNED_IN)
def book(session_id):
    session = db.session.get(CourseSession, session_id) or abort(404)
    try:
        booking = services.book(session.id, current_user)
    except services.BookingError as error:
        flash(REASONS[error.reason])
        return redirect(url_for(".course", slug=session.course))
    if booking.status == "confirmed":
        flash(_l("Your place is booked. We have emailed you the details."))
    else:
        flash(_l("The session is full: you are on the waiting list, number %(position)d.",
                 position=services.position(booking)))
    return redirect(url_for(".mine"))


@bp.route("/bookings")
@access.allow(access.SIGNED_IN)
def mine():
    bookings = services.bookings_of(current_user)
    moment = services.now()
    return render_template(
        "bookings/mine.html", bookings=bookings, courses=content.catalogue().courses,
        positions={b.id: services.position(b) for b in bookings if b.status == "waiting"},
        now=moment, late={b.id for b in bookings if services.cancelling_is_late(b, moment)},
    )


@bp.route("/bookings/<id:booking_id>/cancel", methods=["POST"])
@access.allow(access.SIGNED_IN)
def cancel(booking_id):
    try:
        services.cancel(booking_id, current_user)
    except services.BookingError as error:
        flash(REASONS[error.reason])
    else:
        flash(_l("Your booking is cancelled."))
    return redirect(url_for(".mine"))
