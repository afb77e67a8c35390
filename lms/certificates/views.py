"""A learner's certificates, their PDFs, the public verification page and revocation."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from .. import access, content
from ..auth.models import Role
from ..extensions import limiter
from . import pdf, services

bp = Blueprint("certificates", __name__, template_folder="templates")


@bp.route("/certificates")
@access.allow(access.SIGNED_IN)
def mine():
    listed = [(c, services.standing(c), services.title(c, str(get_locale())))
              for c in services.for_learner(current_user)]
    return render_template("certificates/mine.html", certificates=listed,
                           items=content.catalogue().items)


@bp.route("/certificates/<code>.pdf")
@access.allow(access.SIGNED_IN)
def download(code):
    certificate = services.find(code)
    if certificate is None or certificate.user_id != current_user.id:
        abort(404)
    address = current_app.config["LMS_BASE_URL"] + url_for(".verify", code=certificate.code)
    document = pdf.certificate(certificate, services.title(certificate, str(get_locale())),
                               services.standing(certificate), address,
                               services.for_attendance(certificate))
    response = current_app.response_class(document, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="certificate-{code}.pdf"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.route("/verify", methods=["GET"])
@access.allow(access.EVERYONE)
@limiter.limit("60 per minute")
def verify_form():
    typed = request.args.get("code", "").strip()
    if typed:
        return redirect(url_for(".verify", code=services.normalise_code(typed) or typed[:40]))
    return render_template("certificates/verify_form.html")


@bp.route("/verify/<code>")
@access.allow(access.EVERYONE)
@limiter.limit("60 per minute")
def verify(code):
    """Public and printed in QR codes: only what a licensing officer needs, nothing else."""
    certificate = services.find(code)
    if certificate is None:
        return render_template("certificates/not_found.html"), 404
    return render_template(
        "certificates/verify.html", certificate=certificate,
        title=services.title(certificate, str(get_locale())),
        standing=services.standing(certificate),
    )


@bp.route("/certificates/<code>/manage", methods=["GET", "POST"])
@access.allow(Role.COORDINATOR, Role.ADMIN)
def manage(code):
    certificate = services.find(code) or abort(404)
    error = None
    if request.method == "POST":
        try:
            services.revoke(certificate, request.form.get("reason", ""), by=current_user)
        except services.RevokeError:
            error = _("Give the reason for revoking, in up to %(num)d characters.",
                      num=services.REASON_LENGTH)
        else:
            flash(_("The certificate is revoked."))
            return redirect(url_for(".manage", code=certificate.code))
    return render_template(
        "certificates/manage.html", certificate=certificate, error=error,
        title=services.title(certificate, str(get_locale())),
        standing=services.standing(certificate), events=services.events(certificate),
        reason=request.form.get("reason", ""),
    ), 400 if error else 200
