"""The trainer's register, made for a phone in the training room."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from .. import access, content
from ..auth import services as auth
from ..auth.models import Role
from ..extensions import db
from . import registers, services
from .forms import WalkInForm, parse_marks
from .models import ATTENDANCE_TITLES, CourseSession
from .reasons import REASONS

bp = Blueprint("registers", __name__, template_folder="templates")
KEEPERS = (Role.TRAINER, Role.COORDINATOR, Role.ADMIN)


def _kept_session(session_id: int) -> CourseSession:
    session = db.session.get(CourseSession, session_id) or abort(404)
    if not registers.may_keep(current_user, session):
        abort(403)
    return session


def _walk_in_form() -> WalkInForm:
    form = WalkInForm(prefix="walk-in")
    form.agency.choices = [("", _l("Choose their organisation"))] + [
        (agency.id, agency.name) for agency in auth.active_agencies()]
    return form


def _page(session, walk_in=None, errors=None, chosen=None, status=200):
    bookings = registers.on_register(session.id)
    return render_template(
        "bookings/register.html", session=session, bookings=bookings,
        course=content.catalogue().courses.get(session.course), titles=ATTENDANCE_TITLES,
        refusal=registers.refusal(session, services.now()), walk_in=walk_in or _walk_in_form(),
        errors=errors or {}, chosen=chosen or {}, reasons=REASONS), status


@bp.route("/registers")
@access.allow(*KEEPERS)
def sessions():
    return render_template("bookings/registers.html", sessions=registers.sessions_of(current_user),
                           courses=content.catalogue().courses, now=services.now())


@bp.route("/registers/<id:session_id>", methods=["GET", "POST"])
@access.allow(*KEEPERS)
def register(session_id):
    session = _kept_session(session_id)
    if request.method == "GET":
        return _page(session)
    ids = [b.id for b in registers.on_register(session.id)]
    try:
        marks, errors = parse_marks(request.form, ids)
    except ValueError:
        abort(400)
    if errors:  # the whole form again, with what was chosen
        return _page(session, errors=errors, chosen=request.form, status=400)
    try:
        registers.mark(session.id, marks)
        unmarked = registers.close(session.id) if request.form.get("action") == "close" else []
    except services.BookingError as error:
        flash(REASONS[error.reason])
        return redirect(url_for(".register", session_id=session.id))
    if unmarked:
        message = _l("Mark everyone before closing the register")
        return _page(session, errors={b.id: message for b in unmarked}, status=400)
    if request.form.get("action") == "close":
        flash(_l("The register is closed. Certificates of attendance and no-show notices "
                 "have been sent."))
    else:
        flash(_l("The register is saved."))
    return redirect(url_for(".register", session_id=session.id))


@bp.route("/registers/<id:session_id>/walk-in", methods=["POST"])
@access.allow(*KEEPERS)
def walk_in(session_id):
    session = _kept_session(session_id)
    form = _walk_in_form()
    if not form.validate_on_submit():
        return _page(session, walk_in=form, status=400)
    try:
        booking = registers.add_walk_in(session.id, form.email.data, form.name.data or None,
                                        form.agency.data)
    except services.BookingError as error:
        form.email.errors.append(REASONS[error.reason])
        return _page(session, walk_in=form, status=400)
    flash(_l("%(name)s is on the register, marked present.", name=booking.user.name))
    return redirect(url_for(".register", session_id=session.id))
