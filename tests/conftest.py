"""Fixtures: an app on each database backend, clients, and signed-in people of each role.

Every test that uses `app` runs on SQLite and, when LMS_TEST_DATABASE_URL is set, on PostgreSQL.
"""

import os

import pytest
from flask import g
from sqlalchemy import text

from lms import create_app
from lms.auth.models import Agency, Job, Role, Sector, User
from lms.extensions import db

PASSWORD = "correct horse battery"
BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("LMS_TEST_DATABASE_URL") else [])


def make_config(database_url: str, **extra) -> dict:
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",  # fast in tests; scrypt in service
        "RATELIMIT_STORAGE_URI": "memory://",
        "WTF_CSRF_ENABLED": False,
        "LMS_BASE_URL": "http://lms.test",
        "LMS_SMTP_URL": "smtp://127.0.0.1:9",
        "LMS_MAIL_FROM": "training@example.org",
        "LMS_MASH_PHONE": "01234 567890",
        "LMS_PARTNERSHIP_NAME": "Test Safeguarding Partnership",
        "LMS_CONTACT_EMAIL": "help@example.org",
        "LMS_CONTACT_PHONE": "",
        "LMS_DEMO": False,
    }
    config.update(extra)
    return config


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request, tmp_path_factory):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"
    else:
        url = os.environ["LMS_TEST_DATABASE_URL"]
    app = create_app(make_config(url))
    with app.app_context():
        db.drop_all()
        db.session.execute(text("DROP TABLE IF EXISTS alembic_version"))
        db.session.commit()
        db.create_all()
    yield url
    with app.app_context():
        db.engine.dispose()


def _empty_tables() -> None:
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(table.delete())
    db.session.commit()


def _forget_request_caches(error=None):
    # Tests keep an app context open (to use db.session), and Flask reuses it for each test
    # request, so per-request caches in g (signed-in user, locale) would leak between requests.
    for name in ("_login_user", "_flask_babel", "language"):
        g.pop(name, None)


@pytest.fixture
def content_dir():
    """The content the app serves: the real content/, unless a test module gives its own."""
    return None


@pytest.fixture
def app(database_url, content_dir):
    extra = {"LMS_CONTENT_DIR": str(content_dir)} if content_dir else {}
    app = create_app(make_config(database_url, **extra))
    app.teardown_request(_forget_request_caches)
    with app.app_context():
        yield app
        db.session.rollback()
        _empty_tables()
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def backend(database_url) -> str:
    return "postgresql" if database_url.startswith("postgresql") else "sqlite"


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def agency(app):
    agency = Agency(name="City Police", sector=Sector.POLICE)
    db.session.add(agency)
    db.session.commit()
    return agency


@pytest.fixture
def make_user(app, agency):
    from lms.auth.services import hash_password

    def make(role=Role.LEARNER, email=None, **fields):
        user = User(
            name=fields.pop("name", f"Test {role.value}"),
            email=email or f"{role.value}@example.org",
            password_hash=hash_password(fields.pop("password", PASSWORD)),
            role=role,
            agency_id=fields.pop("agency_id", agency.id),
            job=fields.pop("job", Job.PROFESSIONAL),
            **fields,
        )
        db.session.add(user)
        db.session.commit()
        return user

    return make


def sign_in(client, email, password=PASSWORD):
    return client.post("/sign-in", data={"email": email, "password": password})


@pytest.fixture
def signed_in(client, make_user):
    """signed_in(Role.ADMIN) -> a client signed in as a new person with that role."""

    def as_role(role=Role.LEARNER, **fields):
        user = make_user(role, **fields)
        response = sign_in(client, user.email)
        assert response.status_code == 302, response.data[:500]
        return user

    return as_role
