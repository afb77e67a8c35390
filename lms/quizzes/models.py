"""Attempts at a knowledge check, and every answer given, for scoring and for reports."""

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db


class Attempt(db.Model):
    """One try at a knowledge check: the questions drawn and the order shown, kept so a reload
    shows the same attempt; scored once, on the server."""

    __tablename__ = "quiz_attempts"
    __table_args__ = (
        CheckConstraint(
            "(submitted_at IS NULL AND score IS NULL AND passed IS NULL)"
            " OR (submitted_at IS NOT NULL AND score IS NOT NULL AND passed IS NOT NULL)",
            name="scored_when_submitted",
        ),
        CheckConstraint("score >= 0 AND score <= total", name="score_within_total"),
        # At most one attempt in progress per learner and check, however many tabs are open.
        Index("one_open_attempt", "user_id", "quiz", unique=True,
              sqlite_where=text("submitted_at IS NULL"),
              postgresql_where=text("submitted_at IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    item: Mapped[str] = mapped_column(String(64))
    quiz: Mapped[str] = mapped_column(String(64))
    quiz_version: Mapped[int]
    # [[question id, [option ids in the order shown]], ...]
    questions: Mapped[list] = mapped_column(JSON)
    total: Mapped[int]
    started_at: Mapped[datetime]
    submitted_at: Mapped[datetime | None]
    score: Mapped[int | None]
    passed: Mapped[bool | None]

    answers: Mapped[list["Answer"]] = relationship(
        back_populates="attempt", cascade="all, delete-orphan", order_by="Answer.position"
    )


class Answer(db.Model):
    """A learner's answer to one question, in the language it was shown in."""

    __tablename__ = "quiz_answers"

    attempt_id: Mapped[int] = mapped_column(
        ForeignKey("quiz_attempts.id", ondelete="CASCADE"), primary_key=True
    )
    question: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)
    position: Mapped[int]
    options: Mapped[str] = mapped_column(String(200))  # chosen option ids, sorted, comma-separated
    language: Mapped[str] = mapped_column(String(5))
    correct: Mapped[bool]

    attempt: Mapped[Attempt] = relationship(back_populates="answers")
