"""Settings, read from LMS_* environment variables with safe defaults for the demo."""

import os
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTANCE = ROOT / "instance"

# One megabyte is far more than any form here needs; larger bodies get the 413 page.
MAX_REQUEST_BYTES = 1024 * 1024


class ConfigError(SystemExit):
    """A setting is missing or wrong: a SystemExit, so the operator sees one line, no traceback."""


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def from_environment() -> dict:
    """Build the Flask config from the environment."""
    demo = _flag("LMS_DEMO")
    debug = _flag("FLASK_DEBUG") or _flag("LMS_DEBUG")
    secret = os.environ.get("LMS_SECRET_KEY", "")
    if not secret:
        if not (demo or debug):
            raise ConfigError(
                "LMS_SECRET_KEY is not set: set it to a long random string "
                "(or set LMS_DEMO=1 to run the demo with a throw-away key)."
            )
        secret = "demo-only-secret-key-not-for-production"
    base_url = os.environ.get("LMS_BASE_URL", "http://127.0.0.1:5000").rstrip("/")
    return {
        "SECRET_KEY": secret,
        "LMS_DEMO": demo,
        "SQLALCHEMY_DATABASE_URI": os.environ.get(
            "LMS_DATABASE_URL", f"sqlite:///{INSTANCE / 'lms.sqlite'}"
        ),
        "LMS_BASE_URL": base_url,
        "LMS_SMTP_URL": os.environ.get("LMS_SMTP_URL", "smtp://127.0.0.1:25"),
        "LMS_MAIL_FROM": os.environ.get("LMS_MAIL_FROM", "training@example.org"),
        "RATELIMIT_STORAGE_URI": os.environ.get("LMS_RATELIMIT_STORAGE_URI", "memory://"),
        "LMS_MASH_PHONE": os.environ.get("LMS_MASH_PHONE", "01234 567890"),
        "LMS_PARTNERSHIP_NAME": os.environ.get(
            "LMS_PARTNERSHIP_NAME", "Safeguarding Children Partnership"
        ),
        "LMS_CONTACT_EMAIL": os.environ.get("LMS_CONTACT_EMAIL", "safeguarding@example.org"),
        "LMS_CONTACT_PHONE": os.environ.get("LMS_CONTACT_PHONE", ""),
        "LMS_CONTENT_DIR": os.environ.get("LMS_CONTENT_DIR", str(ROOT / "content")),
        "LMS_PROXY_COUNT": int(os.environ.get("LMS_PROXY_COUNT", "0") or 0),
        "SESSION_COOKIE_SECURE": base_url.startswith("https://"),
        "REMEMBER_COOKIE_SECURE": base_url.startswith("https://"),
    }


DEFAULTS = {
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
    "MAX_CONTENT_LENGTH": MAX_REQUEST_BYTES,
    "MAX_FORM_MEMORY_SIZE": MAX_REQUEST_BYTES,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "REMEMBER_COOKIE_HTTPONLY": True,
    "REMEMBER_COOKIE_SAMESITE": "Lax",
    "PERMANENT_SESSION_LIFETIME": timedelta(hours=12),
    "WTF_CSRF_TIME_LIMIT": 8 * 3600,
    "RATELIMIT_HEADERS_ENABLED": False,
    "RATELIMIT_STRATEGY": "moving-window",
    "PASSWORD_RESET_MAX_AGE": 3600,
    "PASSWORD_HASH_METHOD": "scrypt",
    "BABEL_DEFAULT_LOCALE": "en",
    "BABEL_DEFAULT_TIMEZONE": "Europe/London",
    "BABEL_TRANSLATION_DIRECTORIES": str(ROOT / "translations"),
    "LMS_CONTENT_DIR": str(ROOT / "content"),
}
