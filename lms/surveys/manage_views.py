"""The co-ordinator's side of the questionnaire: campaigns, schools' codes and posters, live
counts, closing early, and the written answers (co-ordinators only)."""

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from .. import access, content
from ..auth.models import Role
from ..extensions import db
from . import poster, services
from .forms import CampaignForm
from .models import Campaign, School

bp = Blueprint("campaigns", __name__, template_folder="templates")
COORDINATORS = (Role.COORDINATOR, Role.ADMIN)
REASONS = {
    "survey": _l("Choose a questionnaire"),
    "dates": _l("The closing date must be on or after the opening date"),
    "schools": _l("Enter 1 to 60 schools, one a line, each up to 120 characters"),
}


@bp.route("/campaigns")
@access.allow(*COORDINATORS)
def overview():
    return render_template("surveys/campaigns.html", campaigns=services.campaigns(),
                           totals=services.totals(), today=services.today(), state=services.state)


@bp.route("/campaigns/new", methods=["GET", "POST"])
@access.allow(*COORDINATORS)
def create():
    form = CampaignForm()
    surveys = content.catalogue().surveys
    language = str(get_locale())
    form.survey.choices = [(slug, s.text("title", language)) for slug, s in surveys.items()]
    if form.validate_on_submit():
        try:
            campaign = services.create_campaign(services.CampaignDetails(
                form.name.data, form.survey.data, form.opens_on.data, form.closes_on.data,
                form.pairing.data, services.school_names(form.schools.data)))
        except services.CampaignError as error:
            field = {"dates": form.closes_on, "schools": form.schools}.get(error.reason,
                                                                           form.survey)
            field.errors.append(REASONS[error.reason])
        else:
            flash(_l("The campaign is created. Print each school's poster below."))
            return redirect(url_for(".campaign", campaign_id=campaign.id))
    return render_template("surveys/campaign_form.html", form=form), (
        400 if request.method == "POST" else 200)


@bp.route("/campaigns/<id:campaign_id>")
@access.allow(*COORDINATORS)
def campaign(campaign_id):
    campaign = db.session.get(Campaign, campaign_id) or abort(404)
    return render_template(
        "surveys/campaign.html", campaign=campaign, counts=services.counts(campaign.id),
        pairs=services.pairs(campaign.id) if campaign.pairing else None,
        state=services.state(campaign), base_url=current_app.config["LMS_BASE_URL"])


@bp.route("/campaigns/<id:campaign_id>/close", methods=["POST"])
@access.allow(*COORDINATORS)
def close(campaign_id):
    campaign = db.session.get(Campaign, campaign_id) or abort(404)
    services.close_early(campaign.id)
    flash(_l("The campaign is closed: no more answers are taken."))
    return redirect(url_for(".campaign", campaign_id=campaign.id))


@bp.route("/campaigns/<id:campaign_id>/answers")
@access.allow(*COORDINATORS)
def answers(campaign_id):
    campaign = db.session.get(Campaign, campaign_id) or abort(404)
    survey = content.catalogue().surveys.get(campaign.survey)
    return render_template("surveys/answers.html", campaign=campaign, survey=survey,
                           answers=services.free_text(campaign.id))


@bp.route("/campaigns/<id:campaign_id>/schools/<id:school_id>/poster.pdf")
@access.allow(*COORDINATORS)
def school_poster(campaign_id, school_id):
    school = db.session.get(School, school_id)
    if school is None or school.campaign_id != campaign_id:
        abort(404)
    survey = content.catalogue().surveys.get(school.campaign.survey)
    title = survey.text("title", str(get_locale())) if survey else school.campaign.name
    address = current_app.config["LMS_BASE_URL"] + url_for("surveys.start", code=school.code)
    response = current_app.response_class(poster.poster(school, title, address),
                                          mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="poster-{school.code}.pdf"'
    return response
