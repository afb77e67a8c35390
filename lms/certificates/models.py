"""Certificates: proof of a passed online item or of attendance at a course, checked by QR code."""

import enum
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..auth.models import User
from ..extensions import db


class Standing(enum.StrEnum):
    VALID = "valid"
    EXPIRING = "expiring"
    EXPIRED = "expired"
    REVOKED = "revoked"
    REPLACED = "replaced"

    @property
    def title(self):
        return STANDING_TITLES[self]


STANDING_TITLES = {
    Standing.VALID: _l("Valid"),
    Standing.EXPIRING: _l("Expiring soon"),
    Standing.EXPIRED: _l("Expired"),
    Standing.REVOKED: _l("Revoked"),
    Standing.REPLACED: _l("Replaced by a newer certificate"),
}


class Certificate(db.Model):
    __tablename__ = "certificates"
    __table_args__ = (
        CheckConstraint("expires_at IS NULL OR expires_at > issued_at",
                        name="expires_after_issue"),
        CheckConstraint("(revoked_at IS NULL) = (revoked_reason IS NULL)",
                        name="revoked_with_reason"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Printed on the certificate and in its QR code: random, never a sequence.
    code: Mapped[str] = mapped_column(String(16), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    item: Mapped[str | None] = mapped_column(String(64))  # an online learning item, by slug
    title: Mapped[str] = mapped_column(String(200))  # what was achieved, in English
    language: Mapped[str] = mapped_column(String(5))  # the learner's, for the PDF
    issued_at: Mapped[datetime]
    expires_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
    revoked_reason: Mapped[str | None] = mapped_column(String(500))
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("certificates.id"))
    reminded_30_at: Mapped[datetime | None]  # reminders before expiry, each sent once
    reminded_7_at: Mapped[datetime | None]

    user: Mapped[User] = relationship()


class CertificateEvent(db.Model):
    """The audit trail: issued, replaced, revoked; who did it and why."""

    __tablename__ = "certificate_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    certificate_id: Mapped[int] = mapped_column(ForeignKey("certificates.id"), index=True)
    action: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(String(500))
    by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime]
