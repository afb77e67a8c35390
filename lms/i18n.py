"""The eight languages, how a page's language is chosen, and its text direction."""

from dataclasses import dataclass
from urllib.parse import urlencode

from flask import current_app, g, request
from flask_babel import get_locale
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy.exc import SQLAlchemyError


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # the language's name in itself
    english_name: str
    direction: str = "ltr"


LANGUAGES = {
    lang.code: lang
    for lang in (
        Language("en", "English", "English"),
        Language("pl", "Polski", "Polish"),
        Language("ru", "Русский", "Russian"),
        Language("lv", "Latviešu", "Latvian"),
        Language("lt", "Lietuvių", "Lithuanian"),
        Language("pt", "Português", "Portuguese"),
        Language("sk", "Slovenčina", "Slovak"),
        Language("ur", "اردو", "Urdu", "rtl"),
    )
}
DEFAULT = "en"
COOKIE = "lang"
COOKIE_MAX_AGE = 365 * 24 * 3600


def requested_language() -> str | None:
    """The language asked for with ?lang=, if it is one of ours."""
    code = request.args.get("lang", "").strip().lower()
    return code if code in LANGUAGES else None


def select_locale() -> str:
    """?lang=, then the signed-in person's choice, the cookie, the browser, and English."""
    code = requested_language()
    if code:
        return code
    profile = _profile_language()
    if profile:
        return profile
    cookie = request.cookies.get(COOKIE, "")
    if cookie in LANGUAGES:
        return cookie
    return request.accept_languages.best_match(list(LANGUAGES)) or DEFAULT


def _profile_language() -> str | None:
    try:
        if current_user.is_authenticated and current_user.language in LANGUAGES:
            return current_user.language
    except SQLAlchemyError:  # the database is down: the 503 page still needs a language
        return None
    return None


def url_with_lang(code: str) -> str:
    """This page's address in another language."""
    args = request.args.to_dict(flat=False)
    args["lang"] = [code]
    return request.path + "?" + urlencode(args, doseq=True)


def phone_number(number: str) -> Markup:
    """A phone number kept left to right inside right-to-left text."""
    return Markup('<span class="lms-phone" dir="ltr">{}</span>').format(number)


def current_language() -> Language:
    if "language" not in g:
        g.language = LANGUAGES.get(str(get_locale()), LANGUAGES[DEFAULT])
    return g.language


def remember_language(response):
    """Keep a ?lang= choice in a cookie for visitors."""
    code = requested_language()
    if code and request.cookies.get(COOKIE) != code:
        response.set_cookie(
            COOKIE,
            code,
            max_age=COOKIE_MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=current_app.config.get("SESSION_COOKIE_SECURE", False),
        )
    return response


def template_context() -> dict:
    return {
        "language": current_language(),
        "languages": LANGUAGES.values(),
        "languages_by_code": LANGUAGES,
        "url_with_lang": url_with_lang,
    }
