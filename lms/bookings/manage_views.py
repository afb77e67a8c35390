"""The co-ordinator's pages: every session, one session's lists, creating, changing, cancelling,
giving places and moving people."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import format_datetime, get_locale
from flask_babel import lazy_gettext as _l

from .. import access, content
from ..auth.models import Role
from ..extensions import db
from . import manage, services
from .forms import MoveForm, SessionForm, clock, utc
from .models import Booking, CourseSession
from .reasons import REASONS

bp = Blueprint("sessions", __name__, template_folder="templates")
COORDINATORS = (Role.COORDINATOR, Role.ADMIN)


def _course_choices():
    language = str(get_locale())
    return [("", _l("Choose a course"))] + [
        (slug, course.shown(language).text.title)
        for slug, course in content.catalogue().courses.items()]


def _move_choices(session: CourseSession) -> list:
    return [(s.id, _l("%(when)s (%(num)d free)", when=format_datetime(
        s.starts_at, "EEE d MMM y, HH:mm"), num=s.capacity - s.taken))
        for s in manage.other_sessions(session)]


def _session_form() -> SessionForm:
    form = SessionForm()
    form.course.choices = _course_choices()
    form.trainers.choices = [(t.id, t.name) for t in manage.trainers()]
    return form


def _details(form: SessionForm) -> manage.SessionDetails:
    return manage.SessionDetails(
        course=form.course.data, starts_at=utc(form.day.data, clock(form.starts.data)),
        ends_at=utc(form.day.data, clock(form.ends.data)), venue=form.venue.data,
        capacity=form.capacity.data, online_link=form.online_link.data,
        agency_cap=form.agency_cap.data, trainer_ids=tuple(form.trainers.data or ()),
        booking_opens_at=form.at(form.opens), booking_closes_at=form.at(form.closes),
        cancel_by=form.at(form.cancel_by))


def _field_for(form: SessionForm, reason: str):
    return {"capacity_below_taken": form.capacity, "deadlines": form.closes}.get(
        reason, form.ends)


@bp.route("/sessions")
@access.allow(*COORDINATORS)
def overview():
    past = request.args.get("past") == "1"
    rows = manage.overview(include_past=past)
    moment = services.now()
    return render_template("bookings/manage/overview.html", rows=rows, past=past,
                           courses=content.catalogue().courses, now=moment,
                           decide={s.id for s, waiting in rows
                                   if manage.needs_a_decision(s, waiting, moment)})


@bp.route("/sessions/new", methods=["GET", "POST"])
@access.allow(*COORDINATORS)
def create():
    form = _session_form()
    copy = db.session.get(CourseSession, request.args.get("copy", 0, type=int) or 0)
    if request.method == "GET" and copy:  # another session of a popular course
        form.fill(copy)
        form.day.data = form.opens.data = form.closes.data = form.cancel_by.data = None
    elif request.method == "GET":
        form.course.data = request.args.get("course")
    if form.validate_on_submit():
        try:
            session = manage.create(_details(form))
        except services.BookingError as error:
            _field_for(form, error.reason).errors.append(REASONS[error.reason])
        else:
            flash(_l("The session is added, and open for booking."))
            return redirect(url_for(".session", session_id=session.id))
    status = 400 if request.method == "POST" else 200
    return render_template("bookings/manage/edit.html", form=form, session=None), status


@bp.route("/sessions/<id:session_id>")
@access.allow(*COORDINATORS)
def session(session_id):
    session = db.session.get(CourseSession, session_id) or abort(404)
    bookings = manage.live_bookings(session.id)
    waiting = [b for b in bookings if b.status == "waiting"]
    return render_template(
        "bookings/manage/session.html", session=session, now=services.now(),
        course=content.catalogue().courses.get(session.course), targets=_move_choices(session),
        places=[b for b in bookings if b.status == "confirmed"], waiting=waiting,
        late=manage.late_cancellations(session.id),
        decide=manage.needs_a_decision(session, len(waiting), services.now()))


@bp.route("/sessions/<id:session_id>/edit", methods=["GET", "POST"])
@access.allow(*COORDINATORS)
def edit(session_id):
    session = db.session.get(CourseSession, session_id) or abort(404)
    if session.cancelled_at or session.starts_at <= services.now():
        flash(REASONS["cancelled" if session.cancelled_at else "past"])
        return redirect(url_for(".session", session_id=session.id))
    form = _session_form()
    if request.method == "GET":
        form.fill(session)
    if form.validate_on_submit():
        try:
            promoted = manage.update(session.id, _details(form))
        except services.BookingError as error:
            _field_for(form, error.reason).errors.append(REASONS[error.reason])
        else:
            flash(_l("The session is saved. Everyone booked or waiting has been told of any "
                     "change of date, time or place."))
            if promoted:
                flash(_l("%(num)d people on the waiting list were given places.",
                         num=len(promoted)))
            return redirect(url_for(".session", session_id=session.id))
    status = 400 if request.method == "POST" else 200
    return render_template("bookings/manage/edit.html", form=form, session=session), status


@bp.route("/sessions/<id:session_id>/cancel", methods=["GET", "POST"])
@access.allow(*COORDINATORS)
def cancel(session_id):
    session = db.session.get(CourseSession, session_id) or abort(404)
    if request.method == "POST":
        try:
            told = manage.cancel_session(session.id)
        except services.BookingError as error:
            flash(REASONS[error.reason])
        else:
            flash(_l("The session is cancelled. %(num)d people have been told.", num=told))
        return redirect(url_for(".session", session_id=session.id))
    return render_template("bookings/manage/cancel.html", session=session,
                           course=content.catalogue().courses.get(session.course),
                           people=len(manage.live_bookings(session.id)))


@bp.route("/sessions/bookings/<id:booking_id>/give-place", methods=["POST"])
@access.allow(*COORDINATORS)
def give_place(booking_id):
    booking = db.session.get(Booking, booking_id) or abort(404)
    try:
        manage.give_place(booking.id)
    except services.BookingError as error:
        flash(REASONS[error.reason])
    else:
        flash(_l("%(name)s now has a place, and has been emailed.", name=booking.user.name))
    return redirect(url_for(".session", session_id=booking.session_id))


@bp.route("/sessions/bookings/<id:booking_id>/move", methods=["POST"])
@access.allow(*COORDINATORS)
def move(booking_id):
    booking = db.session.get(Booking, booking_id) or abort(404)
    source = booking.session_id
    form = MoveForm()
    form.to_session.choices = _move_choices(booking.session)
    if not form.validate_on_submit():
        flash(_l("Select a session"))
        return redirect(url_for(".session", session_id=source))
    try:
        manage.move(booking.id, form.to_session.data)
    except services.BookingError as error:
        flash(REASONS[error.reason])
    else:
        flash(_l("%(name)s has been moved, and emailed.", name=booking.user.name))
    return redirect(url_for(".session", session_id=source))
