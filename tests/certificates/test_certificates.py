"""Certificates: issuing and replacing, every verification status, PDFs read back, revocation,
and reminders before expiry sent once each through a real SMTP server."""

import re
import shutil
import subprocess
import unicodedata
from datetime import timedelta
from email.header import decode_header, make_header

import pytest
from sqlalchemy import func, select

from lms.auth.models import Job, Role
from lms.certificates import services
from lms.certificates.models import Certificate, CertificateEvent
from lms.extensions import db
from lms.notify import services as notify
from lms.notify.models import OutboxMail
from tests.notify.test_outbox import smtp  # noqa: F401  (a fixture)


@pytest.fixture
def driver(make_user):
    return make_user(email="driver@example.org", name="Žydrūnas Ąžuolas", job=Job.TAXI_DRIVER,
                     licence_number="PH1234")


def issue(user, months=12, item="taxi-drivers", days_ago=0):
    certificate = services.issue(user, "Taxi briefing", "en", item=item, months=months)
    if days_ago:
        certificate.issued_at -= timedelta(days=days_ago)
        if certificate.expires_at:
            certificate.expires_at -= timedelta(days=days_ago)
    db.session.commit()
    return certificate


def test_codes_are_random_readable_and_forgiving_to_type():
    codes = {services.new_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(set(code.replace("-", "")) <= set(services.ALPHABET) for code in codes)
    code = next(iter(codes))
    assert services.normalise_code(code.lower().replace("-", " ")) == code
    assert services.normalise_code("0000-1111-IIII") is None  # letters never used in codes


def test_each_verification_status_shows_only_what_an_officer_needs(client, driver, make_user):
    coordinator = make_user(Role.COORDINATOR, email="co@example.org")
    valid = issue(driver)
    expected = {valid.code: "Valid"}
    expiring = issue(driver, item="level-1-cse", days_ago=340)
    expected[expiring.code] = "Expiring soon"
    expired = issue(driver, item="door-staff", days_ago=400)
    expected[expired.code] = "Expired"
    old = issue(driver, item="hotel-staff")
    expected[issue(driver, item="hotel-staff").code] = "Valid"
    expected[old.code] = "Replaced by a newer certificate"
    revoked = issue(driver, item="takeaway-staff")
    services.revoke(revoked, "Issued in error", by=coordinator)
    expected[revoked.code] = "Revoked"
    for code, status in expected.items():
        html = client.get(f"/verify/{code}").get_data(as_text=True)
        main = html.split("<main")[1]
        assert f'<h1 class="govuk-panel__title">{status}</h1>' in main, (code, status)
        assert "Žydrūnas Ąžuolas" in main
        for private in ("driver@example.org", "PH1234", "Issued in error"):
            assert private not in main
    assert "Child sexual exploitation: a briefing for taxi" in client.get(
        f"/verify/{valid.code}").get_data(as_text=True)
    assert client.get(f"/verify/{valid.code.lower()}").status_code == 200


def test_an_unknown_code_says_not_found_and_nothing_else(client):
    response = client.get("/verify/AAAA-BBBB-CCCC")
    assert response.status_code == 404
    assert "Certificate not found" in response.get_data(as_text=True)
    assert client.get("/verify/%3Cscript%3E").status_code == 404
    response = client.get("/verify?code=aaaa bbbb cccc")
    assert response.headers["Location"].endswith("/verify/AAAA-BBBB-CCCC")


def test_verification_is_throttled(client, driver):
    code = issue(driver).code
    statuses = [client.get(f"/verify/{code}").status_code for _ in range(61)]
    assert statuses[:60] == [200] * 60 and statuses[60] == 429


def test_renewing_replaces_the_old_certificate_and_keeps_the_history(driver):
    first = issue(driver)
    second = issue(driver)
    assert services.standing(first).value == "replaced" and first.replaced_by_id == second.id
    assert services.standing(second).value == "valid"
    actions = db.session.scalars(select(CertificateEvent.action).where(
        CertificateEvent.certificate_id == first.id).order_by(CertificateEvent.id)).all()
    assert actions == ["issued", "replaced"]
    assert services.latest_by_item(driver)["taxi-drivers"].id == second.id


def test_revoking_needs_a_reason_and_is_audited(client, signed_in, driver):
    certificate = issue(driver)
    coordinator = signed_in(Role.COORDINATOR)
    url = f"/certificates/{certificate.code}/manage"
    response = client.post(url, data={"reason": "  "})
    assert response.status_code == 400
    assert "Give the reason for revoking" in response.get_data(as_text=True)
    response = client.post(url, data={"reason": "x" * 501})
    assert response.status_code == 400 and 'x' * 501 in response.get_data(as_text=True)
    assert db.session.get(Certificate, certificate.id).revoked_at is None
    assert client.post(url, data={"reason": "Found copying answers"}).status_code == 302
    event = db.session.scalars(select(CertificateEvent).where(
        CertificateEvent.action == "revoked")).one()
    assert (event.reason, event.by_user_id) == ("Found copying answers", coordinator.id)
    assert "Revoked" in client.get(f"/verify/{certificate.code}").get_data(as_text=True)


def test_learners_see_their_certificates_and_download_only_their_own(client, signed_in,
                                                                     make_user):
    learner = signed_in(Role.LEARNER)
    mine = issue(learner, days_ago=340)
    other = issue(make_user(email="other@example.org"))
    html = client.get("/certificates").get_data(as_text=True)
    assert mine.code in html and other.code not in html
    assert "Expiring soon" in html and "Renew it" in html
    response = client.get(f"/certificates/{mine.code}.pdf")
    assert response.status_code == 200 and response.data.startswith(b"%PDF-")
    assert client.get(f"/certificates/{other.code}.pdf").status_code == 404


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "certificate.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    return unicodedata.normalize("NFKC", " ".join(text.split()))


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
@pytest.mark.parametrize("code", ["lt", "ur"])
def test_the_pdf_reads_back_in_the_learners_language(client, app, tmp_path, make_user, code):
    from tests.conftest import sign_in

    learner = make_user(email="lt@example.org", name="Žydrūnas Ąžuolas", language=code)
    certificate = issue(learner)
    sign_in(client, learner.email)
    text = pdf_text(client.get(f"/certificates/{certificate.code}.pdf").data, tmp_path)
    title = app.extensions["lms.content"].items["taxi-drivers"].intro.texts[code].title
    assert set(re.findall(r"\w+", title)) <= set(re.findall(r"\w+", text)), (title, text)
    assert "Žydrūnas Ąžuolas" in text and certificate.code in text
    assert f"/verify/{certificate.code}" in text


def test_reminders_are_sent_once_each_before_expiry(app, smtp, driver):  # noqa: F811
    certificate = issue(driver, days_ago=340)  # expires in about 25 days
    assert services.send_reminders() == 1
    assert services.send_reminders() == 0  # not twice
    later = services.now() + timedelta(days=20)  # 5 days before expiry
    assert services.send_reminders(at=later) == 1
    assert services.send_reminders(at=later) == 0
    assert services.send_reminders(at=later + timedelta(days=30)) == 0  # expired: no more
    issue(driver, item="level-1-cse", months=None)
    assert services.send_reminders() == 0  # no expiry, no reminder

    assert notify.send_pending(10) == (2, 0)
    subjects = [str(make_header(decode_header(m["Subject"]))) for m in smtp.messages]
    assert subjects == ["Your certificate expires soon"] * 2
    body = smtp.messages[0].get_payload(decode=True).decode()
    assert "Child sexual exploitation: a briefing for taxi" in body
    assert "/learning/taxi-drivers" in body
    assert db.session.get(Certificate, certificate.id).reminded_7_at is not None


def test_reminders_come_in_the_learners_language(app, driver):
    driver.language = "pl"
    db.session.commit()
    issue(driver, days_ago=340)
    services.send_reminders()
    mail = db.session.scalars(select(OutboxMail)).one()
    assert mail.language == "pl"
    title = app.extensions["lms.content"].items["taxi-drivers"].intro.texts["pl"].title
    assert title in mail.body
    assert db.session.scalar(select(func.count()).select_from(OutboxMail)) == 1


def test_the_reminders_command(app, driver):
    issue(driver, days_ago=340)
    result = app.test_cli_runner().invoke(args=["reminders", "send"])
    assert result.exit_code == 0 and "queued 1 reminders" in result.output
