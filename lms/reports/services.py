"""Figures for the partnership's board, computed in SQL."""

from dataclasses import dataclass, field

from sqlalchemy import Integer, cast, func, select

from ..extensions import db
from ..quizzes.models import Answer, Attempt


@dataclass
class QuestionResult:
    question: str
    answers: int = 0
    correct: int = 0
    by_language: dict[str, tuple[int, int]] = field(default_factory=dict)  # answers, correct

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.answers) if self.answers else 0


def question_results(quiz: str) -> list[QuestionResult]:
    """How often each question of a check is answered right, overall and per language; the
    hardest first, so the board sees what people misunderstand."""
    rows = db.session.execute(
        select(Answer.question, Answer.language, func.count(),
               func.sum(cast(Answer.correct, Integer)))
        .join(Attempt, Attempt.id == Answer.attempt_id)
        .where(Attempt.quiz == quiz)
        .group_by(Answer.question, Answer.language)
    ).all()
    results: dict[str, QuestionResult] = {}
    for question, language, answers, correct in rows:
        result = results.setdefault(question, QuestionResult(question))
        result.answers += answers
        result.correct += correct or 0
        result.by_language[language] = (answers, correct or 0)
    return sorted(results.values(), key=lambda r: (r.percent, -r.answers, r.question))


def attempt_summary(quiz: str) -> tuple[int, int, int]:
    """Attempts submitted, passed, and learners who passed."""
    submitted, passed, learners = db.session.execute(
        select(func.count(), func.sum(cast(Attempt.passed, Integer)),
               func.count(func.distinct(Attempt.user_id)).filter(Attempt.passed.is_(True)))
        .where(Attempt.quiz == quiz, Attempt.submitted_at.is_not(None))
    ).one()
    return submitted, passed or 0, learners
