"""Accounts: registration, signing in, password reset, roles and agencies. Each function owns its
transaction."""

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache

from flask import current_app, session, url_for
from flask_login import login_user, logout_user
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db
from ..i18n import LANGUAGES
from ..notify.services import queue_mail
from .models import Agency, Job, Role, Sector, User

PASSWORD_MIN = 10
PASSWORD_MAX = 128
SEARCH_LIMIT = 50


class EmailTaken(ValueError):
    """Someone already has an account with this email address."""


class NameTaken(ValueError):
    """Another agency already has this name."""


@dataclass
class Registration:
    name: str
    email: str
    password: str
    agency_id: int
    job: Job
    licence_number: str | None = None
    licensing_authority: str | None = None
    language: str = "en"


def normalise_email(email: str) -> str:
    return email.strip().lower()


def normalise_licence(number: str | None) -> str | None:
    """Licence numbers are compared without spaces and case: 'ph 1234' is 'PH1234'."""
    cleaned = "".join((number or "").split()).upper()
    return cleaned or None


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def find_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def register(details: Registration) -> User:
    if find_by_email(details.email):
        raise EmailTaken(details.email)
    user = User(
        name=details.name.strip(),
        email=normalise_email(details.email),
        password_hash=hash_password(details.password),
        agency_id=details.agency_id,
        job=details.job,
        licence_number=normalise_licence(details.licence_number),
        licensing_authority=(details.licensing_authority or "").strip() or None,
        language=details.language if details.language in LANGUAGES else "en",
    )
    db.session.add(user)
    try:
        db.session.commit()
    except IntegrityError as error:  # a simultaneous registration with the same email
        db.session.rollback()
        raise EmailTaken(details.email) from error
    return user


def new_account(name: str, email: str, agency_id: int, language: str = "en") -> User:
    """An account made for someone by a trainer (a walk-in at a session). Its password is
    unknown to anyone: the person sets one with "Forgotten your password?". The caller
    commits."""
    user = User(name=name.strip(), email=normalise_email(email), agency_id=agency_id,
                password_hash=hash_password(secrets.token_urlsafe(32)),
                language=language if language in LANGUAGES else "en")
    db.session.add(user)
    db.session.flush()
    return user


@lru_cache
def _unknown_user_hash(method: str) -> str:
    """Checked when the email is unknown, so both cases take the same time."""
    return generate_password_hash(secrets.token_urlsafe(16), method=method)


def authenticate(email: str, password: str) -> User | None:
    user = find_by_email(email)
    if user is None:
        method = current_app.config["PASSWORD_HASH_METHOD"]
        check_password_hash(_unknown_user_hash(method), password)
        return None
    return user if check_password_hash(user.password_hash, password) else None


def sign_in(user: User) -> None:
    """Start a fresh session: nothing from before signing in is carried over."""
    session.clear()
    login_user(user)
    session.permanent = True
    user.last_signed_in_at = datetime.now(UTC).replace(tzinfo=None)
    db.session.commit()


def sign_out() -> None:
    logout_user()
    session.clear()


def load_user(session_token: str) -> User | None:
    return db.session.scalar(select(User).where(User.session_token == session_token))


def set_language(user: User, code: str) -> None:
    if code in LANGUAGES and user.language != code:
        user.language = code
        db.session.commit()


def _reset_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="password-reset")


def reset_token(user: User) -> str:
    # Signing the current session token makes the link single-use: resetting replaces it.
    return _reset_serializer().dumps({"id": user.id, "token": user.session_token})


def user_for_reset_token(token: str) -> User | None:
    try:
        data = _reset_serializer().loads(
            token, max_age=current_app.config["PASSWORD_RESET_MAX_AGE"]
        )
    except (SignatureExpired, BadSignature):
        return None
    if not isinstance(data, dict):
        return None
    user = db.session.get(User, data.get("id")) if isinstance(data.get("id"), int) else None
    if user is None or not secrets.compare_digest(user.session_token, str(data.get("token"))):
        return None
    return user


def request_password_reset(email: str) -> None:
    """Mail a reset link if the account exists; say nothing either way."""
    user = find_by_email(email)
    if user is None:
        return
    link = current_app.config["LMS_BASE_URL"] + url_for(
        "auth.reset_password", token=reset_token(user)
    )
    minutes = current_app.config["PASSWORD_RESET_MAX_AGE"] // 60
    queue_mail(user.email, "password_reset", user.language, user=user, link=link, minutes=minutes)
    db.session.commit()


def set_password(user: User, password: str) -> None:
    user.password_hash = hash_password(password)
    user.session_token = secrets.token_urlsafe(32)  # signs out every other session
    db.session.commit()


# People and roles (admin)


def find_people(query: str) -> list[User]:
    text = query.strip().lower()
    statement = (
        select(User).options(selectinload(User.agency)).order_by(User.name).limit(SEARCH_LIMIT)
    )
    if text:
        pattern = f"%{text}%"
        statement = statement.where(
            or_(
                func.lower(User.name).like(pattern),
                User.email.like(pattern),
                User.licence_number == normalise_licence(text),
            )
        )
    return list(db.session.scalars(statement))


def get_person(user_id: int) -> User | None:
    return db.session.get(User, user_id)


def change_role(user: User, role: Role, agency_id: int | None) -> None:
    user.role = role
    user.agency_id = agency_id
    db.session.commit()


# Agencies (co-ordinators)


def active_agencies() -> list[Agency]:
    return list(db.session.scalars(select(Agency).where(Agency.active).order_by(Agency.name)))


def all_agencies() -> list[Agency]:
    return list(db.session.scalars(select(Agency).order_by(Agency.active.desc(), Agency.name)))


def get_agency(agency_id: int) -> Agency | None:
    return db.session.get(Agency, agency_id)


def save_agency(agency: Agency | None, name: str, sector: Sector, active: bool = True) -> Agency:
    agency = agency or Agency()
    agency.name, agency.sector, agency.active = name.strip(), sector, active
    db.session.add(agency)
    try:
        db.session.commit()
    except IntegrityError as error:
        db.session.rollback()
        raise NameTaken(name) from error
    return agency
