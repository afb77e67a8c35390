"""The outbox against a real SMTP server (aiosmtpd)."""

import socket
from email import message_from_bytes
from email.header import decode_header, make_header

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import func, select

from lms.extensions import db
from lms.notify import services
from lms.notify.models import OutboxMail


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SmtpServer:
    """A real SMTP server on a free port that can go down and come back."""

    def __init__(self):
        self.inbox = Inbox()
        self.port = free_port()
        self.controller = None

    @property
    def messages(self):
        return self.inbox.messages

    def start(self):
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp(app):
    server = SmtpServer()
    app.config["LMS_SMTP_URL"] = f"smtp://127.0.0.1:{server.port}"
    server.start()
    yield server
    server.stop()


def queue_reset(app, language="pl"):
    class Person:
        name = "Żaneta Łukasiewicz"

    with app.test_request_context():
        services.queue_mail("zaneta@example.org", "password_reset", language,
                            user=Person, link="http://lms.test/x", minutes=60)
    db.session.commit()


def test_mail_is_delivered_in_the_recipients_language(app, smtp):
    queue_reset(app, "pl")
    assert services.send_pending() == (1, 0)
    [message] = smtp.messages
    assert message["To"] == "zaneta@example.org"
    assert message["Content-Language"] == "pl"
    subject = str(make_header(decode_header(message["Subject"])))
    assert subject and subject != "Reset your password"
    body = message.get_payload(decode=True).decode("utf-8")
    assert "Żaneta Łukasiewicz" in body and "60 minut" in body
    assert services.send_pending() == (0, 0)  # nothing sent twice


def test_smtp_down_loses_nothing_and_retries_later(app, smtp):
    smtp.stop()
    for _ in range(3):
        queue_reset(app)
    assert services.send_pending() == (0, 3)
    mails = db.session.scalars(select(OutboxMail)).all()
    assert all(m.sent_at is None and m.attempts == 1 and m.last_error for m in mails)
    assert services.send_pending() == (0, 0)  # not due yet: backing off
    smtp.start()
    for mail in mails:
        mail.next_attempt_at = services.now()
    db.session.commit()
    assert services.send_pending() == (3, 0)
    assert len(smtp.messages) == 3
    assert db.session.scalar(select(func.count()).where(OutboxMail.sent_at.is_(None))) == 0


def test_gives_up_after_the_last_attempt(app):
    queue_reset(app)
    mail = db.session.scalar(select(OutboxMail))
    mail.attempts = services.MAX_ATTEMPTS - 1
    db.session.commit()
    services.send_pending()
    assert mail.failed and mail.sent_at is None
