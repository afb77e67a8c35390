"""The licensing officer's check: paste or upload licence numbers, see each driver's certificate."""

from flask import Blueprint, current_app, render_template, request
from flask_babel import format_date
from flask_babel import gettext as _

from .. import access
from ..auth.models import Role
from . import licensing
from .services import title

bp = Blueprint("licensing", __name__, template_folder="templates")


@bp.route("/licensing", methods=["GET", "POST"])
@access.allow(Role.LICENSING_OFFICER, Role.ADMIN)
def check():
    text, error, rows, not_understood = request.form.get("numbers", ""), None, None, []
    upload = request.files.get("file")
    if request.method == "POST":
        if upload and upload.filename:
            text = upload.read(licensing.MOST_CHARACTERS + 1).decode("utf-8", "replace")
        try:
            numbers, not_understood = licensing.parse(text)
        except licensing.TooLong:
            error = _("The list can be at most %(num)d characters. Check it in parts.",
                      num=licensing.MOST_CHARACTERS)
        except licensing.TooMany:
            error = _("Check at most %(num)d licence numbers at a time.",
                      num=licensing.MOST_NUMBERS)
        except licensing.Empty:
            error = _("Enter licence numbers, one a line, or choose a file")
        else:
            rows = licensing.check(numbers)
    if rows is not None and request.form.get("export") in ("csv", "xlsx"):
        return _export(rows, request.form["export"])
    return render_template("certificates/licensing.html", numbers=text[:licensing.MOST_CHARACTERS],
                           error=error, rows=rows, not_understood=not_understood), (
        400 if error else 200)


def _cells(row: licensing.Row) -> list[str]:
    certificate = row.certificate
    values = [
        row.number,
        row.name or _("No account with this number"),
        title(certificate, "en") if certificate else "",
        str(row.standing.title) if certificate else _("No certificate"),
        format_date(certificate.issued_at, "yyyy-MM-dd") if certificate else "",
        format_date(certificate.expires_at, "yyyy-MM-dd") if certificate and certificate.expires_at
        else "",
        certificate.code if certificate else "",
    ]
    # A cell starting with = + - or @ would run as a formula in a spreadsheet.
    return ["'" + v if v[:1] in ("=", "+", "-", "@") else v for v in values]


def _export(rows, kind: str):
    headings = [_("Licence number"), _("Name"), _("Certificate"), _("Status"), _("Issued"),
                _("Expires"), _("Certificate code")]
    if kind == "csv":
        body, mimetype = licensing.as_csv(rows, headings, _cells), "text/csv"
    else:
        body = licensing.as_excel(rows, headings, _cells)
        mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = current_app.response_class(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="licence-check.{kind}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
