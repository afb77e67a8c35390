"""Courses and their sessions; booking a place, the waiting list and the learner's bookings."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from .. import access, content
from ..extensions import db
from . import registers, services
from .forms import EvaluationForm
from .models import Booking, CourseSession
from .reasons import REASONS

bp = Blueprint("bookings", __name__, template_folder="templates")

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
    past = [b for b in bookings if b.session.starts_at <= moment and b.status == "confirmed"]
    return render_template(
        "bookings/mine.html", courses=content.catalogue().courses, now=moment,
        upcoming=[b for b in bookings if b.session.starts_at > moment and b.status != "cancelled"],
        past=past, evaluated=registers.evaluated(past),
        positions={b.id: services.position(b) for b in bookings if b.status == "waiting"},
        late={b.id for b in bookings if services.cancelling_is_late(b, moment)},
    )


@bp.route("/bookings/<id:booking_id>/evaluation", methods=["GET", "POST"])
@access.allow(access.SIGNED_IN)
def evaluation(booking_id):
    booking = db.session.get(Booking, booking_id)
    reason = registers.evaluation_refusal(booking, current_user)
    if reason == "not_yours":
        abort(404)
    if reason:
        flash(REASONS[reason])
        return redirect(url_for(".mine"))
    form = EvaluationForm()
    if form.validate_on_submit():
        try:
            registers.evaluate(booking.id, current_user, form.usefulness.data,
                               form.confidence_before.data, form.confidence_after.data,
                               form.will_do_differently.data)
        except services.BookingError as error:
            flash(REASONS[error.reason])
        else:
            flash(_l("Thank you. Your answers help us make the training better."))
        return redirect(url_for(".mine"))
    return render_template(
        "bookings/evaluation.html", form=form, booking=booking,
        course=content.catalogue().courses.get(booking.session.course),
    ), 400 if request.method == "POST" else 200


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
