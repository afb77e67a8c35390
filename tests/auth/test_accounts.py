"""Registering, signing in and out, throttling, password reset and the account page."""

import re

import pytest
from sqlalchemy import func, select

from lms.auth import services
from lms.auth.models import Job, Role, User
from lms.extensions import db
from lms.notify.models import OutboxMail
from tests.conftest import PASSWORD, sign_in


def registration(organisation, **changes):
    data = {
        "name": "Dariusz Nowak",
        "email": "Dariusz@Example.org ",
        "job": "taxi_driver",
        "licence_number": "ph 1234",
        "licensing_authority": "City Council",
        "agency": str(organisation.id),
        "password": "a long enough password",
        "confirm": "a long enough password",
    }
    data.update(changes)
    return data


def error_summary(response) -> list[str]:
    body = response.get_data(as_text=True)
    summary = re.search(r'govuk-error-summary__list">(.*?)</ul>', body, re.S)
    return re.findall(r'<a href="#[^"]+">([^<]+)</a>', summary.group(1)) if summary else []


def test_register_a_driver(client, agency):
    response = client.post("/register?lang=pl", data=registration(agency))
    assert response.status_code == 302
    assert response.headers["Location"] == "/learning"  # on to their learning
    user = db.session.scalar(select(User))
    assert user.email == "dariusz@example.org"
    assert user.licence_number == "PH1234" and user.job is Job.TAXI_DRIVER
    assert user.language == "pl"
    assert user.password_hash != "a long enough password"
    assert client.get("/account").status_code == 200  # signed in straight away


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"name": ""}, "Enter your full name"),
        ({"name": "x" * 121}, "Full name must be 120 characters or fewer"),
        ({"email": "not-an-email"}, "Enter an email address in the correct format"),
        ({"email": "a" * 250 + "@example.org"}, "Email address must be 254 characters or fewer"),
        ({"job": ""}, "Select what you do"),
        ({"job": "astronaut"}, "Select one of the options shown"),
        ({"licence_number": ""}, "Enter your licence or badge number"),
        ({"licence_number": "x" * 41}, "Licence number must be 40 characters or fewer"),
        ({"licensing_authority": ""}, "Enter the licensing authority that issued your licence"),
        ({"agency": ""}, "Select your organisation"),
        ({"agency": "99999"}, "Select one of the options shown"),
        ({"agency": "abc"}, "Select one of the options shown"),
        ({"password": "short", "confirm": "short"}, "Password must be between 10 and 128"),
        ({"password": "p" * 129, "confirm": "p" * 129}, "Password must be between 10 and 128"),
        ({"confirm": "something else entirely"}, "The passwords do not match"),
    ],
)
def test_registration_errors_come_back_with_the_form(client, agency, changes, message):
    response = client.post("/register", data=registration(agency, **changes))
    assert response.status_code == 400
    assert any(message in error for error in error_summary(response)), error_summary(response)
    body = response.get_data(as_text=True)
    if "email" not in changes:
        assert 'value="dariusz@example.org' in body.lower()  # what was typed is kept
    assert db.session.scalar(select(func.count(User.id))) == 0


def test_registration_errors_are_translated(client, agency):
    response = client.post("/register?lang=ru", data=registration(agency, name=""))
    assert error_summary(response)
    assert "Enter your full name" not in response.get_data(as_text=True)


def test_professionals_need_no_licence(client, agency):
    data = registration(agency, job="professional", licence_number="", licensing_authority="")
    assert client.post("/register", data=data).status_code == 302


def test_one_account_per_email(client, agency, make_user):
    make_user(email="dariusz@example.org")
    response = client.post("/register", data=registration(agency))
    assert response.status_code == 400
    assert "already an account" in response.get_data(as_text=True)


def test_hidden_agency_cannot_be_chosen(client, agency):
    agency.active = False
    db.session.commit()
    response = client.post("/register", data=registration(agency))
    assert response.status_code == 400


def test_sign_in_and_out(client, make_user):
    user = make_user()
    response = client.post("/sign-in?next=/account", data={"email": "LEARNER@example.org ",
                                                           "password": PASSWORD})
    assert response.headers["Location"] == "/account"
    assert user.last_signed_in_at is not None
    assert client.get("/account").status_code == 200
    client.post("/sign-out")
    assert client.get("/account").status_code == 302


def test_same_message_for_unknown_email_and_wrong_password(client, make_user):
    make_user()
    wrong = sign_in(client, "learner@example.org", "wrong password!")
    unknown = sign_in(client, "nobody@example.org", PASSWORD)
    assert wrong.status_code == unknown.status_code == 400
    assert error_summary(wrong) == error_summary(unknown) == [
        "The email address or password is not right"
    ]


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:x"]
)
def test_next_only_goes_to_this_site(client, make_user, target):
    make_user()
    response = client.post(f"/sign-in?next={target}",
                           data={"email": "learner@example.org", "password": PASSWORD})
    assert response.headers["Location"] == "/"


def test_a_fresh_session_on_sign_in(client, make_user):
    make_user()
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
    sign_in(client, "learner@example.org")
    with client.session_transaction() as session:
        assert "planted" not in session
        assert "_user_id" in session


def test_sign_in_is_throttled_per_account(client, make_user):
    make_user()
    for _ in range(5):
        assert sign_in(client, "learner@example.org", "wrong password!").status_code == 400
    blocked = sign_in(client, "learner@example.org", PASSWORD)
    assert blocked.status_code == 429
    assert "Wait 15 minutes, then try again." in blocked.get_data(as_text=True)
    # Another account from the same address is not blocked by this one.
    make_user(email="other@example.org")
    assert sign_in(client, "other@example.org", PASSWORD).status_code == 302


def test_sign_in_is_throttled_per_address(client, make_user):
    for n in range(30):
        assert sign_in(client, f"person{n}@example.org", "wrong password!").status_code == 400
    assert sign_in(client, "person99@example.org", "wrong password!").status_code == 429


def test_throttle_message_is_translated(client, make_user):
    for _ in range(5):
        sign_in(client, "learner@example.org", "wrong password!")
    blocked = client.post("/sign-in?lang=pl", data={"email": "learner@example.org",
                                                     "password": "x" * 10})
    assert blocked.status_code == 429
    assert "15 minut" in blocked.get_data(as_text=True)


def reset_link(mail: OutboxMail) -> str:
    return re.search(r"http://lms\.test(/password/reset/\S+)", mail.body).group(1)


def test_password_reset_by_a_single_use_link(client, make_user):
    user = make_user(language="lt")
    response = client.post("/password/forgotten", data={"email": user.email})
    assert response.status_code == 200
    mail = db.session.scalar(select(OutboxMail))
    assert mail.recipient == user.email and mail.language == "lt"
    assert "Reset your password" not in mail.subject  # in Lithuanian
    link = reset_link(mail)
    assert client.get(link).status_code == 200
    new = {"password": "my new long password", "confirm": "my new long password"}
    assert client.post(link, data=new).status_code == 302
    assert services.authenticate(user.email, "my new long password")
    # Used once: the same link no longer works.
    assert client.post(link, data=new).status_code == 400


def test_reset_link_expires(client, make_user, app):
    user = make_user()
    link = f"/password/reset/{services.reset_token(user)}"
    app.config["PASSWORD_RESET_MAX_AGE"] = -1
    response = client.get(link)
    assert response.status_code == 400
    assert "expired" in response.get_data(as_text=True)


def test_tampered_reset_link(client):
    assert client.get("/password/reset/abc.def.ghi").status_code == 400


def test_reset_for_unknown_email_says_the_same_and_sends_nothing(client):
    response = client.post("/password/forgotten", data={"email": "nobody@example.org"})
    assert response.status_code == 200 and "Check your email" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(OutboxMail.id))) == 0


def test_changing_the_password_signs_out_other_sessions(app, make_user):
    user = make_user()
    first, second = app.test_client(), app.test_client()
    sign_in(first, user.email)
    sign_in(second, user.email)
    services.set_password(user, "another long password")
    assert first.get("/account").status_code == 302


def test_choose_preferred_language(client, signed_in):
    user = signed_in()
    response = client.post("/account", data={"language": "ur"})
    assert response.status_code == 302
    assert user.language == "ur"
    assert client.post("/account", data={"language": "xx"}).status_code == 400
    assert user.language == "ur"


def test_registration_is_limited_per_address(client, agency):
    for n in range(20):
        data = registration(agency, email=f"driver{n}@example.org")
        client.post("/register", data=data)
        client.post("/sign-out")
    response = client.post("/register", data=registration(agency, email="one-more@example.org"))
    assert response.status_code == 429
    assert db.session.scalar(select(func.count(User.id))) == 20


def test_password_reset_requests_are_limited_per_address(client):
    for _ in range(5):
        response = client.post("/password/forgotten", data={"email": "a@example.org"})
        assert response.status_code == 200
    response = client.post("/password/forgotten?lang=ru", data={"email": "a@example.org"})
    assert response.status_code == 429
    assert "60 минут" in response.get_data(as_text=True)


def test_behind_a_proxy_each_visitor_has_their_own_address_limit(database_url):
    from lms import create_app
    from tests.conftest import make_config

    app = create_app(make_config(database_url, LMS_PROXY_COUNT=1))
    client = app.test_client()

    def attempt(address, n):
        return client.post("/sign-in", data={"email": f"p{n}@example.org", "password": "x" * 12},
                           headers={"X-Forwarded-For": address})

    for n in range(30):
        assert attempt("203.0.113.1", n).status_code == 400
    assert attempt("203.0.113.1", 99).status_code == 429
    assert attempt("203.0.113.2", 99).status_code == 400  # another visitor, same proxy


def test_limits_are_shared_through_redis(database_url):
    """Several gunicorn hosts share one count when LMS_RATELIMIT_STORAGE_URI is Redis."""
    import os

    import redis

    from lms import create_app
    from tests.conftest import make_config

    url = "redis://127.0.0.1:6379/15"  # a database of its own, emptied first
    try:
        redis.Redis.from_url(url, socket_timeout=2).flushdb()
    except redis.ConnectionError:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    settings = make_config(database_url, RATELIMIT_STORAGE_URI=url)
    first, second = create_app(settings).test_client(), create_app(settings).test_client()
    for client in (first, second, first, second, first):
        assert sign_in(client, "learner@example.org", "wrong password!").status_code == 400
    assert sign_in(second, "learner@example.org", "wrong password!").status_code == 429


def test_nul_characters_never_reach_the_database(client, agency, signed_in):
    data = registration(agency, name="Dariusz\x00 Nowak", licensing_authority="City\x00")
    assert client.post("/register", data=data).status_code == 302
    assert db.session.scalar(select(User.name)) == "Dariusz Nowak"
    client.post("/sign-out")
    signed_in(Role.ADMIN)
    assert client.get("/admin/people?q=Dar%00iusz").status_code == 200
