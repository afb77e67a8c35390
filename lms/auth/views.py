"""Signing in and out, registering, resetting a password, and a person's own account."""

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import access
from ..extensions import limiter
from ..i18n import current_language
from . import services
from .forms import (
    ForgottenPasswordForm,
    PreferencesForm,
    RegisterForm,
    ResetPasswordForm,
    SignInForm,
)
from .models import Job

bp = Blueprint("auth", __name__, template_folder="templates")

# Stated on the sign-in page and in the README; failed attempts only are counted.
SIGN_IN_LIMIT_ACCOUNT = "5 per 15 minutes"
SIGN_IN_LIMIT_ADDRESS = "30 per 15 minutes"
REGISTER_LIMIT = "20 per hour"
RESET_LIMIT = "5 per hour"


def _posted_email() -> str:
    return "account:" + services.normalise_email(request.form.get("email", ""))[:254]


def _failed(response) -> bool:
    return response.status_code != 302


def safe_next(target: str | None) -> str | None:
    """Only a path on this site: never another host, scheme or protocol-relative URL."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else None


@bp.route("/sign-in", methods=["GET", "POST"])
@access.allow(access.EVERYONE)
@limiter.limit(SIGN_IN_LIMIT_ADDRESS, methods=["POST"], deduct_when=_failed)
@limiter.limit(SIGN_IN_LIMIT_ACCOUNT, key_func=_posted_email, methods=["POST"], deduct_when=_failed)
def sign_in():
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    form = SignInForm()
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user:
            services.sign_in(user)
            return redirect(safe_next(request.args.get("next")) or url_for("home.index"))
        # The same words whether the email is unknown or the password wrong.
        form.email.errors.append(_("The email address or password is not right"))
    return render_template("auth/sign_in.html", form=form), 200 if request.method == "GET" else 400


@bp.route("/sign-out", methods=["POST"])
@access.allow(access.SIGNED_IN)
def sign_out():
    services.sign_out()
    flash(_("You have signed out."))
    return redirect(url_for("home.index"))


@bp.route("/register", methods=["GET", "POST"])
@access.allow(access.EVERYONE)
@limiter.limit(REGISTER_LIMIT, methods=["POST"])
def register():
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    form = RegisterForm()
    form.agency.choices = [("", _("Choose your organisation"))] + [
        (agency.id, agency.name) for agency in services.active_agencies()
    ]
    if request.method == "GET" and request.args.get("job") in Job._value2member_map_:
        form.job.data = request.args["job"]
    if form.validate_on_submit():
        try:
            user = services.register(
                services.Registration(
                    name=form.name.data,
                    email=form.email.data,
                    password=form.password.data,
                    agency_id=form.agency.data,
                    job=Job(form.job.data),
                    licence_number=form.licence_number.data,
                    licensing_authority=form.licensing_authority.data,
                    language=current_language().code,
                )
            )
        except services.EmailTaken:
            form.email.errors.append(
                _("There is already an account with this email address. Sign in instead.")
            )
        else:
            services.sign_in(user)
            flash(_("Your account has been created."))
            # Straight to the learning for their job: a new driver came for the briefing.
            return redirect(url_for("learning.catalogue"))
    status = 400 if request.method == "POST" else 200
    return render_template("auth/register.html", form=form), status


@bp.route("/password/forgotten", methods=["GET", "POST"])
@access.allow(access.EVERYONE)
@limiter.limit(RESET_LIMIT, methods=["POST"])
def forgotten_password():
    form = ForgottenPasswordForm()
    if form.validate_on_submit():
        services.request_password_reset(form.email.data)
        return render_template("auth/reset_sent.html", email=form.email.data)
    status = 400 if request.method == "POST" else 200
    return render_template("auth/forgotten_password.html", form=form), status


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
@access.allow(access.EVERYONE)
def reset_password(token):
    user = services.user_for_reset_token(token)
    if user is None:
        return render_template("auth/reset_invalid.html"), 400
    form = ResetPasswordForm()
    if form.validate_on_submit():
        services.set_password(user, form.password.data)
        services.sign_in(user)
        flash(_("Your password has been changed."))
        return redirect(url_for("home.index"))
    status = 400 if request.method == "POST" else 200
    return render_template("auth/reset_password.html", form=form), status


@bp.route("/account", methods=["GET", "POST"])
@access.allow(access.SIGNED_IN)
def account():
    form = PreferencesForm(language=current_user.language)
    if form.validate_on_submit():
        services.set_language(current_user, form.language.data)
        flash(_("Your language has been saved."))
        return redirect(url_for("auth.account", lang=form.language.data))
    status = 400 if request.method == "POST" else 200
    return render_template("auth/account.html", form=form), status
