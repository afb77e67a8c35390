"""The questionnaire as students see it: no account, any language, on a phone. Every page shows
who to talk to and "Exit this page"."""

from flask import Blueprint, abort, make_response, redirect, render_template, request, url_for
from flask_babel import get_locale

from .. import access, content
from . import services
from .forms import Tampered, read_answers
from .services import DEVICE_COOKIE

bp = Blueprint("surveys", __name__, template_folder="templates")
PARTS = ("before", "after")


def _school_or_page(code: str):
    """The school for this code, or the friendly page that says why not (and its status)."""
    school = services.find_school(code)
    if school is None:
        return None, (render_template("surveys/unavailable.html", reason="unknown"), 404)
    reason = services.state(school.campaign)
    if reason != "open":
        return None, (render_template("surveys/unavailable.html", reason=reason), 410)
    return school, None


def _survey(school):
    survey = content.catalogue().surveys.get(school.campaign.survey) or abort(404)
    return survey, survey.shown_in(str(get_locale()))


def _answered(school, part) -> bool:
    done = services.answered_on_device(request.cookies.get(DEVICE_COOKIE))
    return services.device_key(school.campaign, part) in done


@bp.route("/survey", methods=["GET"])
@access.allow(access.EVERYONE)
def enter_code():
    code = request.args.get("code")
    if code:
        return redirect(url_for(".start", code=services.normalise_code(code) or "-"))
    return render_template("surveys/enter_code.html")


@bp.route("/survey/<code>")
@access.allow(access.EVERYONE)
def start(code):
    school, page = _school_or_page(code)
    if page:
        return page
    survey, language = _survey(school)
    return render_template("surveys/start.html", school=school, survey=survey,
                           language_shown=language)


@bp.route("/survey/<code>/<part>", methods=["GET", "POST"])
@access.allow(access.EVERYONE)
def answer(code, part):
    if part not in PARTS:
        abort(404)
    school, page = _school_or_page(code)
    if page:
        return page
    if part == "before" and not school.campaign.pairing:
        abort(404)
    survey, language = _survey(school)
    if _answered(school, part):
        return render_template("surveys/already.html", school=school)
    pairing = "required" if part == "before" else ("optional" if school.campaign.pairing
                                                   else None)
    questions = survey.part(part)
    errors, token = {}, None
    if request.method == "POST":
        token = request.form.get("form_token", "")
        rid = services.response_id(token, school, part)
        try:
            if rid is None:
                raise Tampered("form_token")
            answers, code_made, errors = read_answers(questions, request.form, pairing)
        except Tampered:
            return _form(school, survey, language, part, questions, pairing, services.form_token(
                school, part), {}, tampered=True), 400
        if not errors:
            services.submit(school, part, language, rid, answers, code_made)
            done = services.answered_on_device(request.cookies.get(DEVICE_COOKIE))
            done.add(services.device_key(school.campaign, part))
            response = make_response(redirect(url_for(".thank_you", code=school.code)))
            response.set_cookie(DEVICE_COOKIE, services.device_cookie(done),
                                max_age=services.DEVICE_MAX_AGE, httponly=True, samesite="Lax",
                                secure=request.is_secure)
            return response
    status = 400 if errors else 200
    return _form(school, survey, language, part, questions, pairing,
                 token or services.form_token(school, part), errors), status


def _form(school, survey, language, part, questions, pairing, token, errors, tampered=False):
    return render_template(
        "surveys/form.html", school=school, survey=survey, language_shown=language, part=part,
        questions=questions, pairing=pairing, form_token=token, errors=errors,
        values=request.form if request.method == "POST" and not tampered else {},
        tampered=tampered, month_names=get_locale().months["stand-alone"]["wide"])


@bp.route("/survey/<code>/thank-you")
@access.allow(access.EVERYONE)
def thank_you(code):
    school = services.find_school(code) or abort(404)
    survey, language = _survey(school)
    return render_template("surveys/thank_you.html", school=school, survey=survey,
                           language_shown=language)
