"""Figures for the partnership's board, computed in SQL."""

from dataclasses import dataclass, field

from sqlalchemy import Integer, cast, func, select

from ..auth.models import Agency
from ..bookings.models import Attendance, Booking, CourseSession, Evaluation
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


@dataclass
class AgencyAttendance:
    agency: str | None
    places: int
    attended: int
    no_shows: int
    late_cancellations: int


def attendance_by_agency() -> list[AgencyAttendance]:
    """Face-to-face places per agency, for the partnership's charging policy: places held,
    attended, no-shows and late cancellations; sessions the partnership cancelled left out."""
    held = Booking.confirmed_at.is_not(None)
    rows = db.session.execute(
        select(Agency.name, func.count().filter(held),
               func.count().filter(Booking.certificate_id.is_not(None)),
               func.count().filter(Booking.attendance == Attendance.ABSENT),
               func.count().filter(Booking.late_cancellation.is_(True)))
        .select_from(Booking)
        .join(CourseSession, CourseSession.id == Booking.session_id)
        .outerjoin(Agency, Agency.id == Booking.agency_id)
        .where(CourseSession.cancelled_at.is_(None))
        .group_by(Agency.name).order_by(Agency.name)
    ).all()
    return [AgencyAttendance(*row) for row in rows]


@dataclass
class CourseFeedback:
    course: str
    sessions: int
    attended: int
    evaluations: int = 0
    usefulness: float | None = None  # 1 to 5
    confidence_before: float | None = None  # 0 to 10
    confidence_after: float | None = None


def course_feedback() -> list[CourseFeedback]:
    """Per course: sessions whose register is closed, people who attended, and the mean of what
    they said afterwards."""
    attended = (select(CourseSession.course, func.count(func.distinct(CourseSession.id)),
                       func.count(Booking.certificate_id))
                .outerjoin(Booking, Booking.session_id == CourseSession.id)
                .where(CourseSession.register_closed_at.is_not(None))
                .group_by(CourseSession.course))
    results = {course: CourseFeedback(course, sessions, people)
               for course, sessions, people in db.session.execute(attended)}
    feedback = select(Evaluation.course, func.count(), func.avg(Evaluation.usefulness),
                      func.avg(Evaluation.confidence_before),
                      func.avg(Evaluation.confidence_after)).group_by(Evaluation.course)
    for course, count, useful, before, after in db.session.execute(feedback):
        result = results.setdefault(course, CourseFeedback(course, 0, 0))
        result.evaluations = count
        result.usefulness, result.confidence_before, result.confidence_after = (
            float(useful), float(before), float(after))
    return sorted(results.values(), key=lambda r: r.course)
