"""Online learning and leaflets: the catalogue, items page by page, leaflets on screen and paper."""

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from .. import access, content
from ..i18n import LANGUAGES, requested_language
from . import pdf, services

bp = Blueprint("learning", __name__, template_folder="templates")

AUDIENCE_TITLES = {
    "professional": _l("Staff of partner agencies"),
    "taxi_driver": _l("Taxi and private hire drivers"),
    "door_staff": _l("Door supervisors and security staff"),
    "takeaway": _l("Takeaway and food outlet staff"),
    "hotel": _l("Hotel and B&B reception staff"),
    "off_licence": _l("Off-licence and shop staff"),
}
KIND_TITLES = {"module": _l("Level 1 e-learning"), "briefing": _l("Briefing")}


def _learner():
    return current_user if current_user.is_authenticated else None


def _item_and_page(slug: str, page_slug: str | None = None):
    item = content.catalogue().items.get(slug)
    page = item.page(page_slug) if item and page_slug else None
    if item is None or (page_slug and page is None):
        abort(404)
    return item, page


@bp.route("/learning")
@access.allow(access.EVERYONE)
def catalogue():
    audience = request.args.get("for")
    if audience not in AUDIENCE_TITLES and audience != "all":
        audience = None
    if audience is None and _learner():
        audience = current_user.job.value
    items = content.catalogue().for_audience(None if audience == "all" else audience)
    return render_template(
        "learning/catalogue.html",
        items=items,
        audience=audience or "all",
        standings=services.standings(_learner(), items),
        audience_titles=AUDIENCE_TITLES,
        kind_titles=KIND_TITLES,
    )


@bp.route("/learning/<slug>")
@access.allow(access.EVERYONE)
def item(slug):
    item, _ = _item_and_page(slug)
    return render_template(
        "learning/item.html",
        item=item,
        intro=item.intro.shown(str(get_locale())),
        standing=services.standing(_learner(), item),
        kind_titles=KIND_TITLES,
    )


@bp.route("/learning/<slug>/<page>")
@access.allow(access.EVERYONE)
def page(slug, page):
    item, page = _item_and_page(slug, page)
    return render_template(
        "learning/page.html",
        item=item,
        page=page,
        page_number=item.pages.index(page) + 1,
        shown=page.shown(str(get_locale())),
        title=item.intro.shown(str(get_locale())).text.title,
        previous=services.preceding(item, page),
        next=services.following(item, page),
        standing=services.standing(_learner(), item),
    )


@bp.route("/learning/<slug>/<page>", methods=["POST"])
@access.allow(access.SIGNED_IN)
def read_page(slug, page):
    item, page = _item_and_page(slug, page)
    services.record_read(current_user, item, page)
    following = services.following(item, page)
    if following:
        return redirect(url_for(".page", slug=item.slug, page=following.slug))
    if item.quiz:
        return redirect(url_for("quizzes.check", slug=item.slug))
    return redirect(url_for(".item", slug=item.slug, _anchor="progress"))


@bp.route("/leaflets")
@access.allow(access.EVERYONE)
def leaflets():
    language = str(get_locale())
    return render_template(
        "learning/leaflets.html",
        leaflets=[(leaflet, leaflet.shown(language))
                  for leaflet in content.catalogue().leaflets.values()],
    )


@bp.route("/leaflets/<slug>")
@access.allow(access.EVERYONE)
def leaflet(slug):
    leaflet = content.catalogue().leaflets.get(slug) or abort(404)
    return render_template(
        "learning/leaflet.html", leaflet=leaflet, shown=leaflet.shown(str(get_locale()))
    )


@bp.route("/leaflets/<slug>.pdf")
@access.allow(access.EVERYONE)
def leaflet_pdf(slug):
    leaflet = content.catalogue().leaflets.get(slug) or abort(404)
    language = requested_language() or str(get_locale())
    if language not in leaflet.texts:
        language = "en"
    base = current_app.config["LMS_BASE_URL"]
    address = f"{base}{url_for('.leaflet', slug=slug)}?lang={language}"
    document = pdf.leaflet(leaflet, LANGUAGES[language], address)
    response = current_app.response_class(document, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="{slug}-{language}.pdf"'
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response
