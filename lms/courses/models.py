"""A learner's progress through an item of online learning.

The content itself lives in files (lms/content/): rows refer to it by slug, and keep the version
of the English page that was read, so a later change to a page can be told apart.
"""

import enum
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


class Status(enum.StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"

    @property
    def title(self):
        return STATUS_TITLES[self]


STATUS_TITLES = {
    Status.NOT_STARTED: _l("Not started"),
    Status.IN_PROGRESS: _l("In progress"),
    Status.COMPLETED: _l("Completed"),
}


class Progress(db.Model):
    """One learner on one item: where to resume, and when it was completed."""

    __tablename__ = "learning_progress"
    __table_args__ = (UniqueConstraint("user_id", "item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    item: Mapped[str] = mapped_column(String(64))
    resume_page: Mapped[str | None] = mapped_column(String(64))
    started_at: Mapped[datetime]
    completed_at: Mapped[datetime | None]


class PageRead(db.Model):
    """A page a learner has read to the end and moved on from."""

    __tablename__ = "pages_read"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    item: Mapped[str] = mapped_column(String(64), primary_key=True)
    page: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int]  # of the English page
    read_at: Mapped[datetime]  # the latest reading: set in Python, to the microsecond
