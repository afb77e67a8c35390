"""The training and awareness platform of a local safeguarding children partnership."""

from pathlib import Path

from flask import Flask, has_request_context
from flask_login import current_user
from govuk_frontend_wtf.main import WTFormsHelpers
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

from . import access, config, content, errors, i18n, security
from .extensions import babel, csrf, db, limiter, login_manager, migrate

ROOT = Path(__file__).resolve().parent.parent


def create_app(overrides: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        static_folder=str(ROOT / "static"),
        instance_path=str(config.INSTANCE),
    )
    app.config.update(config.DEFAULTS)
    if overrides is None or "SECRET_KEY" not in overrides:
        app.config.update(config.from_environment())
    if overrides:
        app.config.update(overrides)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///"):
        Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    # Our templates first, so they can replace a GOV.UK macro (the translated error prefix).
    app.jinja_loader = ChoiceLoader(
        [
            FileSystemLoader(str(Path(__file__).parent / "templates")),
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
            PrefixLoader({"govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf")}),
        ]
    )
    app.url_map.converters["id"] = RowId
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.filters["phone"] = i18n.phone_number

    if app.config.get("LMS_PROXY_COUNT"):
        # Behind a proxy, the visitor's address (for per-address limits) is in X-Forwarded-For.
        hops = app.config["LMS_PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)

    _init_extensions(app)
    content.init_app(app)
    _register_blueprints(app)
    errors.register(app)

    app.before_request(access.enforce)
    app.before_request(_remember_language_in_profile)
    app.after_request(i18n.remember_language)
    app.after_request(security.add_headers)
    app.context_processor(i18n.template_context)
    app.context_processor(_site_context)

    from . import cli

    cli.register(app)
    return app


class RowId(IntegerConverter):
    """A row id in a URL: ids beyond what the database holds are a plain 404, not an error."""

    def __init__(self, url_map):
        super().__init__(url_map, min=1, max=2**31 - 1)


def _init_extensions(app: Flask) -> None:
    from .auth import services as auth_services

    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    babel.init_app(app, locale_selector=i18n.select_locale)
    csrf.init_app(app)
    limiter.init_app(app)
    WTFormsHelpers(app)

    login_manager.init_app(app)
    login_manager.login_view = "auth.sign_in"
    login_manager.login_message = None  # the sign-in page says why on its own
    login_manager.session_protection = "basic"
    login_manager.user_loader(auth_services.load_user)


def _register_blueprints(app: Flask) -> None:
    from .auth.admin_views import bp as admin_bp
    from .auth.views import bp as auth_bp
    from .bookings.manage_views import bp as sessions_bp
    from .bookings.register_views import bp as registers_bp
    from .bookings.views import bp as bookings_bp
    from .certificates.licensing_views import bp as licensing_bp
    from .certificates.views import bp as certificates_bp
    from .courses.views import bp as learning_bp
    from .home.views import bp as home_bp
    from .quizzes.views import bp as quizzes_bp
    from .reports.views import bp as reports_bp
    from .surveys.manage_views import bp as campaigns_bp
    from .surveys.views import bp as surveys_bp

    blueprints = (home_bp, auth_bp, admin_bp, learning_bp, quizzes_bp, certificates_bp,
                  licensing_bp, reports_bp, bookings_bp, sessions_bp, registers_bp, surveys_bp,
                  campaigns_bp)
    for blueprint in blueprints:
        app.register_blueprint(blueprint)


def _remember_language_in_profile():
    from .auth import services as auth_services

    code = i18n.requested_language()
    if code and current_user.is_authenticated:
        auth_services.set_language(current_user, code)


def _signed_in_user():
    """current_user, or a visitor when the database cannot say (the 503 page still renders)."""
    if not has_request_context():  # a mail rendered by a command
        return None
    try:
        return current_user._get_current_object() if current_user.is_authenticated else None
    except SQLAlchemyError:
        db.session.rollback()
        return None


def _site_context() -> dict:
    from flask import current_app

    user = _signed_in_user()
    return {
        "user": user or login_manager.anonymous_user(),
        "partnership_name": current_app.config["LMS_PARTNERSHIP_NAME"],
        "contact_email": current_app.config["LMS_CONTACT_EMAIL"],
        "contact_phone": current_app.config["LMS_CONTACT_PHONE"],
        "mash_phone": current_app.config["LMS_MASH_PHONE"],
    }
