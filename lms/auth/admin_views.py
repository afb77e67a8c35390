"""Administrators find people and change their role; co-ordinators keep the list of agencies."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from .. import access
from . import services
from .forms import AgencyForm, PeopleSearchForm, PersonForm
from .models import Role, Sector

bp = Blueprint("admin", __name__, template_folder="templates")


@bp.route("/admin/people")
@access.allow(Role.ADMIN)
def people():
    form = PeopleSearchForm(request.args)
    found = None
    if "q" in request.args and form.validate():
        found = services.find_people(form.q.data or "")
    status = 400 if form.errors else 200
    return render_template(
        "auth/people.html", form=form, people=found, limit=services.SEARCH_LIMIT
    ), status


@bp.route("/admin/people/<id:user_id>", methods=["GET", "POST"])
@access.allow(Role.ADMIN)
def person(user_id):
    user = services.get_person(user_id) or abort(404)
    form = PersonForm(role=user.role.value, agency=user.agency_id)
    form.agency.choices = [("", _("No organisation"))] + [
        (agency.id, agency.name) for agency in services.all_agencies()
    ]
    if form.validate_on_submit():
        services.change_role(user, Role(form.role.data), form.agency.data)
        flash(_("Changes to %(name)s have been saved.", name=user.name))
        return redirect(url_for("admin.person", user_id=user.id))
    status = 400 if request.method == "POST" else 200
    return render_template("auth/person.html", form=form, person=user), status


@bp.route("/agencies")
@access.allow(Role.COORDINATOR, Role.ADMIN)
def agencies():
    return render_template("auth/agencies.html", agencies=services.all_agencies())


@bp.route("/agencies/new", methods=["GET", "POST"])
@bp.route("/agencies/<id:agency_id>", methods=["GET", "POST"])
@access.allow(Role.COORDINATOR, Role.ADMIN)
def agency(agency_id=None):
    existing = (services.get_agency(agency_id) or abort(404)) if agency_id else None
    form = AgencyForm(obj=existing)
    if existing and request.method == "GET":
        form.sector.data = existing.sector.value
    if form.validate_on_submit():
        try:
            saved = services.save_agency(
                existing, form.name.data, Sector(form.sector.data), form.active.data
            )
        except services.NameTaken:
            form.name.errors.append(_("There is already an organisation with this name"))
        else:
            flash(_("%(name)s has been saved.", name=saved.name))
            return redirect(url_for("admin.agencies"))
    status = 400 if request.method == "POST" else 200
    return render_template("auth/agency.html", form=form, agency=existing), status
