"""Reports for the co-ordinator and the board."""

from flask import Blueprint, abort, render_template, request

from .. import access, content
from ..auth.models import Role
from . import services

bp = Blueprint("reports", __name__, template_folder="templates")


@bp.route("/reports/knowledge-checks")
@access.allow(Role.COORDINATOR, Role.ADMIN)
def knowledge_checks():
    quizzes = content.catalogue().quizzes
    slug = request.args.get("check") or next(iter(sorted(quizzes)), None)
    if slug not in quizzes:
        abort(404)
    return render_template(
        "reports/knowledge_checks.html", quizzes=sorted(quizzes), slug=slug, quiz=quizzes[slug],
        results=services.question_results(slug), summary=services.attempt_summary(slug),
    )


@bp.route("/reports/courses")
@access.allow(Role.COORDINATOR, Role.ADMIN)
def courses():
    return render_template("reports/courses.html", agencies=services.attendance_by_agency(),
                           feedback=services.course_feedback(),
                           courses=content.catalogue().courses)
