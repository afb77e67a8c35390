"""Error pages: styled, in the visitor's language, with the right status code."""

from flask import render_template
from flask_babel import ngettext
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException, InternalServerError

from .extensions import db

PAGES = {400, 403, 404, 405, 413, 429, 500, 503}


def _render(code: int, **context):
    return render_template(f"errors/{code}.html", **context), code


def _http_error(error: HTTPException):
    code = error.code if error.code in PAGES else 500
    return _render(code)


def _csrf_error(error: CSRFError):
    return _render(400, csrf=True)


def _too_many(error):
    seconds = 15 * 60
    limit = getattr(error, "limit", None)
    if limit is not None:
        seconds = limit.limit.get_expiry()
    minutes = max(1, round(seconds / 60))
    wait = ngettext(
        "Wait %(num)d minute, then try again.", "Wait %(num)d minutes, then try again.", minutes
    )
    return render_template("errors/429.html", wait=wait), 429


def _database_down(error: OperationalError):
    db.session.rollback()
    return _render(503)


def _internal(error):
    original = getattr(error, "original_exception", None)
    if isinstance(original, OperationalError):
        return _database_down(original)
    return _render(500)


def register(app) -> None:
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(429, _too_many)
    app.register_error_handler(OperationalError, _database_down)
    app.register_error_handler(InternalServerError, _internal)
    app.register_error_handler(HTTPException, _http_error)
