"""Queue mail in the caller's transaction; deliver it later, with retries, from any host."""

import smtplib
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import make_msgid
from urllib.parse import unquote, urlsplit

from flask import current_app, render_template
from flask_babel import force_locale
from sqlalchemy import select

from ..extensions import db
from .models import OutboxMail

MAX_ATTEMPTS = 8  # about four hours of backoff in all, then the mail is marked failed


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def queue_mail(recipient: str, template: str, language: str,
               attachment: tuple[str, str, str] | None = None, **context) -> OutboxMail:
    """Render a mail in the recipient's language and add it to the session; the caller commits.

    The template's first line is the subject; the rest is the body. An attachment is
    (file name, MIME type, text).
    """
    with force_locale(language):
        text = render_template(f"mail/{template}.txt", **context).strip()
    subject, _, body = text.partition("\n")
    mail = OutboxMail(
        recipient=recipient,
        subject=subject.strip()[:200],
        body=body.strip() + "\n",
        language=language,
        next_attempt_at=now(),
    )
    if attachment:
        mail.attachment_name, mail.attachment_type, mail.attachment = attachment
    db.session.add(mail)
    return mail


def _connect(url: str) -> smtplib.SMTP:
    parts = urlsplit(url)
    secure = parts.scheme == "smtps"
    port = parts.port or (465 if secure else 25)
    smtp_class = smtplib.SMTP_SSL if secure else smtplib.SMTP
    smtp = smtp_class(parts.hostname or "127.0.0.1", port, timeout=20)
    if "starttls=1" in (parts.query or ""):
        smtp.starttls()
    if parts.username:
        smtp.login(unquote(parts.username), unquote(parts.password or ""))
    return smtp


def _message(mail: OutboxMail) -> EmailMessage:
    message = EmailMessage()
    message["From"] = current_app.config["LMS_MAIL_FROM"]
    message["To"] = mail.recipient
    message["Subject"] = mail.subject
    message["Message-ID"] = make_msgid(domain="lms")
    message.set_content(mail.body)
    if mail.attachment:
        maintype, _, rest = mail.attachment_type.partition("/")
        subtype, _, parameter = rest.partition(";")
        params = dict([parameter.strip().split("=", 1)]) if "=" in parameter else {}
        message.add_attachment(mail.attachment.encode("utf-8"), maintype=maintype,
                               subtype=subtype, filename=mail.attachment_name, params=params)
    # Last: set_content and add_attachment move or clear Content-* headers.
    message["Content-Language"] = mail.language
    return message


def _claim_next() -> OutboxMail | None:
    """Lock one due mail; other senders skip locked rows, so no mail goes out twice."""
    query = (
        select(OutboxMail)
        .where(
            OutboxMail.sent_at.is_(None),
            OutboxMail.failed.is_(False),
            OutboxMail.next_attempt_at <= now(),
        )
        .order_by(OutboxMail.id)
        .limit(1)
        .with_for_update(skip_locked=True)
    )
    return db.session.scalars(query).first()


def send_pending(limit: int = 500) -> tuple[int, int]:
    """Deliver due mail one row at a time. Returns (sent, failed attempts)."""
    sent = failures = 0
    url = current_app.config["LMS_SMTP_URL"]
    for _ in range(limit):
        mail = _claim_next()
        if mail is None:
            db.session.rollback()
            break
        try:
            with _connect(url) as smtp:
                smtp.send_message(_message(mail))
        except (OSError, smtplib.SMTPException) as error:
            failures += 1
            mail.attempts += 1
            mail.last_error = str(error)[:500]
            mail.failed = mail.attempts >= MAX_ATTEMPTS
            mail.next_attempt_at = now() + timedelta(minutes=2**mail.attempts)
        else:
            sent += 1
            mail.attempts += 1
            mail.sent_at = now()
        db.session.commit()
    return sent, failures
