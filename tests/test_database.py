"""Migrations match the models on both databases; demo data loads the same way twice."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import func, select, text

from lms import demo
from lms.auth.models import Agency, User
from lms.extensions import db


def test_migrations_build_the_schema_of_the_models(app):
    db.drop_all()
    try:
        upgrade()
        with db.engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), db.metadata)
        assert diff == [], "the models changed without a migration: flask db migrate"
    finally:
        db.session.remove()
        db.drop_all()
        db.session.execute(text("DROP TABLE IF EXISTS alembic_version"))
        db.session.commit()
        db.create_all()


def test_demo_is_idempotent(app):
    demo.load("demo-password")
    first = [(u.email, u.role, u.password_hash, u.session_token)
             for u in db.session.scalars(select(User).order_by(User.email))]
    agencies = db.session.scalar(select(func.count(Agency.id)))
    demo.load("demo-password")
    second = [(u.email, u.role, u.password_hash, u.session_token)
              for u in db.session.scalars(select(User).order_by(User.email))]
    assert first == second
    assert db.session.scalar(select(func.count(Agency.id))) == agencies
    emails = {email for email, *_ in first}
    assert {"coordinator@example.org", "trainer@example.org", "licensing@example.org",
            "staff@example.org", "driver@example.org"} <= emails


def test_demo_password_option(app, client):
    demo.load("another-password")
    response = client.post("/sign-in", data={"email": "driver@example.org",
                                             "password": "another-password"})
    assert response.status_code == 302


def test_database_refuses_what_must_never_be_true(app, agency):
    import pytest
    from sqlalchemy.exc import IntegrityError

    statements = [
        "INSERT INTO users (name, email, password_hash, role, job, language, session_token) "
        "VALUES ('A', 'UPPER@example.org', 'x', 'learner', 'professional', 'en', 't1')",
        "INSERT INTO users (name, email, password_hash, role, job, language, session_token) "
        "VALUES ('A', 'a@example.org', 'x', 'emperor', 'professional', 'en', 't2')",
        "INSERT INTO users (name, email, password_hash, role, job, language, session_token) "
        "VALUES ('A', 'b@example.org', 'x', 'learner', 'taxi_driver', 'en', 't3')",
        "INSERT INTO agencies (name, sector, active) VALUES ('X', 'pirates', true)",
    ]
    for statement in statements:
        with pytest.raises(IntegrityError):
            db.session.execute(text(statement))
            db.session.flush()
        db.session.rollback()
