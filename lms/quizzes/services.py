"""Taking a knowledge check: who may start one, drawing the questions, scoring on the server.

An attempt stores the questions drawn and the order of their options, so a reload shows the same
attempt. Correct answers stay on the server until the attempt is submitted.
"""

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from ..certificates import services as certificates
from ..content import Item
from ..content.quizzes import Question, Quiz
from ..courses import services as courses
from ..extensions import db
from .models import Answer, Attempt

_random = secrets.SystemRandom()


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class Eligibility:
    """Whether a learner may start the check now, and if not, why."""

    allowed: bool
    reason: str = ""  # "read_first", "read_again", "passed"
    attempts_left: int = 0


def eligibility(user, item: Item, quiz: Quiz) -> Eligibility:
    """Read every page first; after the allowed failures, or to renew after passing, read again.

    Only attempts made since the learner last finished reading every page count.
    """
    read_since = courses.last_read_through(user, item)
    if read_since is None:
        return Eligibility(False, "read_first")
    rows = db.session.execute(
        select(Attempt.passed, func.count()).where(
            Attempt.user_id == user.id, Attempt.quiz == quiz.slug,
            Attempt.submitted_at >= read_since,
        ).group_by(Attempt.passed)
    ).all()
    counts = {passed: number for passed, number in rows}
    if counts.get(True):
        return Eligibility(False, "passed")
    left = quiz.attempts - counts.get(False, 0)
    if left <= 0:
        return Eligibility(False, "read_again")
    return Eligibility(True, attempts_left=left)


def open_attempt(user, quiz: Quiz) -> Attempt | None:
    """The attempt in progress; one drawn from an older version of the bank is dropped, since
    its questions may no longer exist."""
    attempt = db.session.scalar(select(Attempt).where(
        Attempt.user_id == user.id, Attempt.quiz == quiz.slug, Attempt.submitted_at.is_(None)))
    if attempt and attempt.quiz_version != quiz.version:
        db.session.delete(attempt)
        db.session.commit()
        return None
    return attempt


class NotAllowed(Exception):
    """The learner may not start the check now (see eligibility)."""


def start(user, item: Item, quiz: Quiz) -> Attempt:
    """The learner's attempt in progress, or, if they may start one, a new one with questions
    drawn and shuffled."""
    attempt = open_attempt(user, quiz)
    if attempt:
        return attempt
    if not eligibility(user, item, quiz).allowed:
        raise NotAllowed()
    drawn = _random.sample(list(quiz.questions.values()), quiz.draw)
    attempt = Attempt(
        user_id=user.id, item=item.slug, quiz=quiz.slug, quiz_version=quiz.version,
        questions=[[q.id, _option_order(q)] for q in drawn], total=len(drawn), started_at=now(),
    )
    db.session.add(attempt)
    try:
        db.session.commit()
    except IntegrityError:  # another tab started one at the same moment: use that
        db.session.rollback()
        attempt = open_attempt(user, quiz)
    return attempt


def _option_order(question: Question) -> list[str]:
    ids = [option.id for option in question.options]
    if question.type != "true_false":  # true before false reads naturally in every language
        _random.shuffle(ids)
    return ids


class NotYours(Exception):
    """The attempt belongs to someone else."""


class AlreadySubmitted(Exception):
    """The attempt was submitted before (a second tab, the back button)."""


class Tampered(Exception):
    """Answers for questions or options that are not in the attempt."""


def read_answers(attempt: Attempt, form) -> tuple[dict[str, list[str]], list[str]]:
    """The options chosen for each question of the attempt, and the questions left unanswered.

    Raises Tampered for anything the page could not have sent.
    """
    shown = {qid: options for qid, options in attempt.questions}
    for key in form:
        if key.startswith("q-") and key[2:] not in shown:
            raise Tampered(key)
    chosen, unanswered = {}, []
    for qid, options in attempt.questions:
        picked = form.getlist(f"q-{qid}")
        if any(option not in options for option in picked) or len(set(picked)) != len(picked):
            raise Tampered(qid)
        if picked:
            chosen[qid] = picked
        else:
            unanswered.append(qid)
    return chosen, unanswered


def submit(user, attempt: Attempt, item: Item, quiz: Quiz, chosen: dict[str, list[str]],
           language: str) -> Attempt:
    """Score every answer; on a pass, complete the item and issue its certificate, all at once.

    The claim on the attempt is a conditional update, so a second submission changes nothing.
    """
    if attempt.user_id != user.id:
        raise NotYours()
    moment = now()
    claimed = db.session.execute(
        update(Attempt).where(Attempt.id == attempt.id, Attempt.submitted_at.is_(None))
        .values(submitted_at=moment, score=0, passed=False)
    )
    if claimed.rowcount != 1:
        db.session.rollback()
        raise AlreadySubmitted()
    score = 0
    for position, (qid, _options) in enumerate(attempt.questions):
        question = quiz.questions.get(qid)
        picked = frozenset(chosen.get(qid, ()))
        # Exactly the right options: a multiple-answer question is not half right.
        right = question is not None and picked == question.correct
        score += right
        db.session.add(Answer(
            attempt_id=attempt.id, question=qid, position=position,
            options=",".join(sorted(picked)), correct=right,
            language=question.language_for(language) if question else language))
    passed = score * 100 >= quiz.pass_mark * attempt.total
    db.session.execute(update(Attempt).where(Attempt.id == attempt.id)
                       .values(score=score, passed=passed))
    if passed:
        courses.complete(user, item)
        certificates.issue(user, item.intro.english.title, language, item=item.slug,
                           months=item.renewal_months)
    db.session.commit()
    db.session.refresh(attempt)
    return attempt


def attempt_for(user, attempt_id: int) -> Attempt | None:
    attempt = db.session.get(Attempt, attempt_id)
    return attempt if attempt and attempt.user_id == user.id else None


def latest_attempt(user, quiz: Quiz) -> Attempt | None:
    return db.session.scalar(select(Attempt).where(
        Attempt.user_id == user.id, Attempt.quiz == quiz.slug, Attempt.submitted_at.is_not(None))
        .order_by(Attempt.submitted_at.desc(), Attempt.id.desc()).limit(1))
