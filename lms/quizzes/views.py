"""The knowledge check of an item: start, answer, see the result."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from .. import access, content
from ..certificates import services as certificates
from . import services

bp = Blueprint("quizzes", __name__, template_folder="templates")


def _item_and_quiz(slug: str):
    catalogue = content.catalogue()
    item = catalogue.items.get(slug)
    quiz = catalogue.quizzes.get(item.quiz) if item and item.quiz else None
    if quiz is None:
        abort(404)
    return item, quiz


def _attempt(slug: str, attempt_id: int):
    item, quiz = _item_and_quiz(slug)
    attempt = services.attempt_for(current_user, attempt_id)
    if attempt is None or attempt.quiz != quiz.slug:
        abort(404)  # someone else's attempt is not found, not forbidden: it reveals nothing
    if not attempt.submitted_at and services.open_attempt(current_user, quiz) is None:
        # Drawn from an older version of the check, and dropped: start again.
        abort(redirect(url_for(".check", slug=slug)))
    return item, quiz, attempt


@bp.route("/learning/<slug>/check")
@access.allow(access.SIGNED_IN)
def check(slug):
    item, quiz = _item_and_quiz(slug)
    return render_template(
        "quizzes/check.html", item=item, quiz=quiz,
        eligibility=services.eligibility(current_user, item, quiz),
        open_attempt=services.open_attempt(current_user, quiz),
        latest=services.latest_attempt(current_user, quiz),
        certificate=certificates.latest_by_item(current_user).get(item.slug),
    )


@bp.route("/learning/<slug>/check", methods=["POST"])
@access.allow(access.SIGNED_IN)
def start(slug):
    item, quiz = _item_and_quiz(slug)
    try:
        attempt = services.start(current_user, item, quiz)
    except services.NotAllowed:
        return redirect(url_for(".check", slug=slug))  # the page says why
    return redirect(url_for(".attempt", slug=slug, attempt_id=attempt.id))


@bp.route("/learning/<slug>/check/<id:attempt_id>")
@access.allow(access.SIGNED_IN)
def attempt(slug, attempt_id):
    item, quiz, attempt = _attempt(slug, attempt_id)
    if attempt.submitted_at:
        return _result(item, quiz, attempt)
    return _questions(item, quiz, attempt, chosen={}, unanswered=[])


@bp.route("/learning/<slug>/check/<id:attempt_id>", methods=["POST"])
@access.allow(access.SIGNED_IN)
def submit(slug, attempt_id):
    item, quiz, attempt = _attempt(slug, attempt_id)
    if attempt.submitted_at:
        flash(_("You had already sent this attempt. This is its result."))
        return redirect(url_for(".attempt", slug=slug, attempt_id=attempt.id))
    try:
        chosen, unanswered = services.read_answers(attempt, request.form)
    except services.Tampered:
        message = _("These answers do not match the questions of this attempt. Nothing was "
                    "saved: open the knowledge check again and answer its questions.")
        return render_template("errors/400.html", message=message), 400
    if unanswered:
        return _questions(item, quiz, attempt, chosen, unanswered), 400
    try:
        services.submit(current_user, attempt, item, quiz, chosen, str(get_locale()))
    except services.AlreadySubmitted:
        flash(_("You had already sent this attempt. This is its result."))
    return redirect(url_for(".attempt", slug=slug, attempt_id=attempt.id))


def _questions(item, quiz, attempt, chosen, unanswered):
    return render_template(
        "quizzes/attempt.html", item=item, quiz=quiz, attempt=attempt, chosen=chosen,
        unanswered=unanswered, questions=[(quiz.questions.get(qid), order)
                                          for qid, order in attempt.questions],
    )


def _result(item, quiz, attempt):
    answers = {answer.question: answer for answer in attempt.answers}
    return render_template(
        "quizzes/result.html", item=item, quiz=quiz, attempt=attempt,
        results=[(quiz.questions.get(qid), order, answers.get(qid))
                 for qid, order in attempt.questions],
        eligibility=services.eligibility(current_user, item, quiz),
        certificate=certificates.latest_by_item(current_user).get(item.slug),
    )
