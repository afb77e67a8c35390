"""The application as a whole: settings, health, errors, security headers."""

import pytest

from lms import access, config, create_app
from tests.conftest import PASSWORD, make_config


def test_refuses_to_start_without_a_secret_key(monkeypatch):
    for name in ("LMS_SECRET_KEY", "LMS_DEMO", "LMS_DEBUG", "FLASK_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(config.ConfigError, match="LMS_SECRET_KEY is not set"):
        create_app()


def test_demo_mode_starts_without_a_secret_key(monkeypatch):
    monkeypatch.delenv("LMS_SECRET_KEY", raising=False)
    monkeypatch.setenv("LMS_DEMO", "1")
    monkeypatch.setenv("LMS_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    app = create_app()
    assert app.config["SECRET_KEY"]
    assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql+psycopg://")


def test_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("LMS_SECRET_KEY", "s3cret")
    monkeypatch.setenv("LMS_BASE_URL", "https://training.example.org/")
    monkeypatch.setenv("LMS_MASH_PHONE", "01733 864180")
    monkeypatch.setenv("LMS_RATELIMIT_STORAGE_URI", "redis://127.0.0.1:6379/0")
    settings = config.from_environment()
    assert settings["LMS_BASE_URL"] == "https://training.example.org"
    assert settings["SESSION_COOKIE_SECURE"] is True
    assert settings["LMS_MASH_PHONE"] == "01733 864180"
    assert settings["RATELIMIT_STORAGE_URI"] == "redis://127.0.0.1:6379/0"


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok"}


def test_database_down_gives_503_and_healthz_says_so():
    down = "postgresql+psycopg://postgres@127.0.0.1:1/none?connect_timeout=2"
    app = create_app(make_config(down))
    client = app.test_client()
    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json["database"] == "unreachable"
    page = client.get("/sign-in?lang=pl")
    assert page.status_code == 200  # a form page needs no database
    page = client.post("/sign-in", data={"email": "a@example.org", "password": "x" * 12})
    assert page.status_code == 503
    body = page.get_data(as_text=True)
    assert '<html lang="pl"' in body and "govuk-heading-xl" in body  # styled, in Polish


def test_unknown_url_is_a_404_page_in_the_visitors_language(client):
    response = client.get("/no-such-page", headers={"Accept-Language": "pl"})
    assert response.status_code == 404
    body = response.get_data(as_text=True)
    assert '<html lang="pl" dir="ltr"' in body
    assert "Page not found" not in body


def test_oversized_request_gets_the_413_page(client):
    response = client.post("/sign-in", data={"email": "a" * (config.MAX_REQUEST_BYTES + 10)})
    assert response.status_code == 413
    assert "too large" in response.get_data(as_text=True)


def test_security_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_pages_have_no_inline_script_or_style(client):
    for url in ("/", "/sign-in", "/register", "/help"):
        body = client.get(url).get_data(as_text=True)
        assert "<script>" not in body and "<style" not in body and " style=" not in body, url
        assert "<script src=" in body


def test_missing_csrf_token_gives_the_styled_400_page(database_url):
    app = create_app(make_config(database_url, WTF_CSRF_ENABLED=True))
    response = app.test_client().post("/sign-in?lang=ru", data={"email": "a@example.org"})
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert '<html lang="ru"' in body and "govuk-heading-xl" in body


def test_forms_render_with_a_csrf_token_and_novalidate(database_url):
    app = create_app(make_config(database_url, WTF_CSRF_ENABLED=True))
    body = app.test_client().get("/sign-in").get_data(as_text=True)
    assert 'name="csrf_token"' in body and "novalidate" in body


def test_session_cookie_is_httponly_and_samesite(client, make_user):
    user = make_user()
    response = client.post("/sign-in", data={"email": user.email, "password": PASSWORD})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_an_unexpected_error_gives_the_500_page(database_url):
    app = create_app(make_config(database_url))
    app.testing = False  # let the error handler answer, as in service

    @app.route("/broken")
    @access.allow(access.EVERYONE)
    def broken():
        raise RuntimeError("boom")

    response = app.test_client().get("/broken?lang=sk")
    assert response.status_code == 500
    assert '<html lang="sk"' in response.get_data(as_text=True)


def test_forbidden_page_is_styled_and_translated(client, signed_in):
    signed_in()
    response = client.get("/admin/people?lang=lv")
    assert response.status_code == 403
    body = response.get_data(as_text=True)
    assert '<html lang="lv"' in body and "govuk-heading-xl" in body
    assert "You cannot see this page" not in body
