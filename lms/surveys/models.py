"""The impact questionnaire: campaigns, the schools taking part, and anonymous responses.

A response holds the campaign, the school, the language, the date only and the answers: no user,
no address, no time of day, and random ids, so nothing orders or identifies who answered.
"""

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db


class Campaign(db.Model):
    __tablename__ = "survey_campaigns"
    __table_args__ = (CheckConstraint("closes_on >= opens_on", name="closes_after_opening"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    survey: Mapped[str] = mapped_column(String(64))  # a questionnaire in content/, by slug
    opens_on: Mapped[date]
    closes_on: Mapped[date]  # the last day answers are taken
    pairing: Mapped[bool] = mapped_column(default=False)  # a "before" part, matched by code
    closed_early_at: Mapped[datetime | None]
    created_at: Mapped[datetime]

    schools: Mapped[list["School"]] = relationship(
        back_populates="campaign", order_by="School.name", cascade="all, delete-orphan")


class School(db.Model):
    """A school in a campaign, with the access code its students type or scan."""

    __tablename__ = "survey_schools"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("survey_campaigns.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    code: Mapped[str] = mapped_column(String(12), unique=True)

    campaign: Mapped[Campaign] = relationship(back_populates="schools")


class Response(db.Model):
    """One student's answers. The id is random, and the date has no time of day."""

    __tablename__ = "survey_responses"
    __table_args__ = (CheckConstraint("part IN ('before', 'after')", name="part_known"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("survey_campaigns.id", ondelete="CASCADE"), index=True)
    school_id: Mapped[int] = mapped_column(
        ForeignKey("survey_schools.id", ondelete="CASCADE"), index=True)
    part: Mapped[str] = mapped_column(String(8))
    language: Mapped[str] = mapped_column(String(5))
    answered_on: Mapped[date]
    # HMAC of the student's made-up code, keyed with the server's secret: matches before and
    # after without the code being readable here.
    pairing_hash: Mapped[str | None] = mapped_column(String(64), index=True)


class SurveyAnswer(db.Model):
    """One answer: a choice (option), a number (scale) or words (text)."""

    __tablename__ = "survey_answers"

    response_id: Mapped[str] = mapped_column(
        ForeignKey("survey_responses.id", ondelete="CASCADE"), primary_key=True)
    question: Mapped[str] = mapped_column(String(64), primary_key=True)
    option: Mapped[str] = mapped_column(String(40), primary_key=True, default="")
    number: Mapped[int | None]
    text: Mapped[str | None] = mapped_column(Text)
