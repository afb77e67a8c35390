"""Issuing, finding, renewing and revoking certificates; reminders before they expire."""

import calendar
import secrets
from datetime import UTC, datetime, timedelta

from flask import current_app, url_for
from sqlalchemy import select, update

from .. import content
from ..extensions import db
from ..notify import services as notify
from .models import Certificate, CertificateEvent, Standing

# No 0/O or 1/I, so a code read aloud at the roadside or typed from paper is not misread.
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12  # 60 random bits
EXPIRING_DAYS = 30
REMINDER_DAYS = (30, 7)
REASON_LENGTH = 500


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i:i + 4] for i in range(0, CODE_LENGTH, 4))


def normalise_code(text: str) -> str | None:
    """'k7qd 9xwp m3ab' -> 'K7QD-9XWP-M3AB'; None when it cannot be a code."""
    raw = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    if len(raw) != CODE_LENGTH or any(ch not in ALPHABET for ch in raw):
        return None
    return "-".join(raw[i:i + 4] for i in range(0, CODE_LENGTH, 4))


def add_months(moment: datetime, months: int) -> datetime:
    month = moment.month - 1 + months
    year, month = moment.year + month // 12, month % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def issue(user, title: str, language: str, item: str | None = None,
          months: int | None = None) -> Certificate:
    """Issue a certificate for any achievement; it replaces the learner's earlier live one for the
    same item (or course title). The caller commits, with the change that earned it."""
    moment = now()
    certificate = Certificate(
        code=new_code(), user_id=user.id, item=item, title=title[:200], language=language,
        issued_at=moment, expires_at=add_months(moment, months) if months else None,
    )
    db.session.add(certificate)
    db.session.flush()
    same = Certificate.item == item if item else Certificate.title == certificate.title
    earlier = db.session.scalars(select(Certificate).where(
        Certificate.user_id == user.id, same, Certificate.id != certificate.id,
        Certificate.replaced_by_id.is_(None), Certificate.revoked_at.is_(None)))
    for old in earlier:
        old.replaced_by_id = certificate.id
        _record(old, "replaced", by=None)
    _record(certificate, "issued", by=None)
    return certificate


def standing(certificate: Certificate, at: datetime | None = None) -> Standing:
    at = at or now()
    if certificate.revoked_at:
        return Standing.REVOKED
    if certificate.replaced_by_id:
        return Standing.REPLACED
    if certificate.expires_at and certificate.expires_at <= at:
        return Standing.EXPIRED
    if certificate.expires_at and certificate.expires_at - at <= timedelta(days=EXPIRING_DAYS):
        return Standing.EXPIRING
    return Standing.VALID


COURSE_PREFIX = "course:"


def course_item(slug: str) -> str:
    """How a certificate of attendance names its face-to-face course."""
    return COURSE_PREFIX + slug


def for_attendance(certificate: Certificate) -> bool:
    return (certificate.item or "").startswith(COURSE_PREFIX)


def title(certificate: Certificate, language: str) -> str:
    """What was achieved, in this language when the item or course has a translation."""
    catalogue = content.catalogue()
    if for_attendance(certificate):
        course = catalogue.courses.get(certificate.item.removeprefix(COURSE_PREFIX))
        return course.shown(language).text.title if course else certificate.title
    item = catalogue.items.get(certificate.item or "")
    return item.intro.shown(language).text.title if item else certificate.title


def find(code: str) -> Certificate | None:
    code = normalise_code(code)
    return db.session.scalar(select(Certificate).where(Certificate.code == code)) if code else None


def for_learner(user) -> list[Certificate]:
    """A learner's certificates, newest first (replaced ones are kept, as history)."""
    return list(db.session.scalars(select(Certificate).where(Certificate.user_id == user.id)
                                   .order_by(Certificate.issued_at.desc(), Certificate.id.desc())))


def latest_by_item(user) -> dict[str, Certificate]:
    """The live (not replaced) certificate of each online item the learner has one for."""
    return {c.item: c for c in reversed(for_learner(user))
            if c.item and not c.replaced_by_id and not for_attendance(c)}


class RevokeError(ValueError):
    pass


def revoke(certificate: Certificate, reason: str, by) -> None:
    reason = (reason or "").strip()
    if not reason or len(reason) > REASON_LENGTH:
        raise RevokeError(reason)
    if certificate.revoked_at is None:
        certificate.revoked_at = now()
        certificate.revoked_reason = reason
        _record(certificate, "revoked", by=by, reason=reason)
        db.session.commit()


def events(certificate: Certificate) -> list[CertificateEvent]:
    return list(db.session.scalars(select(CertificateEvent)
                                   .where(CertificateEvent.certificate_id == certificate.id)
                                   .order_by(CertificateEvent.at, CertificateEvent.id)))


def _record(certificate, action: str, by, reason: str | None = None) -> None:
    db.session.add(CertificateEvent(certificate_id=certificate.id, action=action, reason=reason,
                                    by_user_id=by.id if by else None, at=now()))


def _renewal_link(certificate: Certificate) -> str:
    base = current_app.config["LMS_BASE_URL"]
    with current_app.test_request_context(base_url=base):  # mail is sent from cron, not a page
        if certificate.item:
            return base + url_for("learning.item", slug=certificate.item)
        return base + url_for("certificates.mine")


def send_reminders(at: datetime | None = None) -> int:
    """Queue a reminder 30 and 7 days before each live certificate expires, each at most once.

    The claim is a conditional update in the same transaction as the mail, so two runs at once
    (or on two hosts) cannot send the same reminder twice.
    """
    at = at or now()
    sent = 0
    for days in REMINDER_DAYS:
        column = getattr(Certificate, f"reminded_{days}_at")
        due = db.session.scalars(select(Certificate).where(
            Certificate.expires_at > at, Certificate.expires_at <= at + timedelta(days=days),
            Certificate.revoked_at.is_(None), Certificate.replaced_by_id.is_(None),
            column.is_(None)))
        for certificate in list(due):
            claimed = db.session.execute(update(Certificate).where(
                Certificate.id == certificate.id, column.is_(None)).values({column: at}))
            if claimed.rowcount != 1 or (days == 30 and certificate.reminded_7_at):
                continue
            if days == 30 and certificate.expires_at <= at + timedelta(days=7):
                continue  # the 7-day reminder says it; one mail is enough
            user = certificate.user
            notify.queue_mail(
                user.email, "certificate_expiring", user.language, user=user,
                certificate=certificate, title=title(certificate, user.language),
                days=max(1, (certificate.expires_at - at).days), link=_renewal_link(certificate),
                partnership_name=current_app.config["LMS_PARTNERSHIP_NAME"],
            )
            sent += 1
        db.session.commit()
    return sent
