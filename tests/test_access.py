"""Every route states who may use it, and each role gets exactly that."""

import pytest
from werkzeug.routing import Rule

from lms import access
from lms.auth.models import Role

EVERYONE = {"visitor", *Role}
STAFF = set(Role)
COORDINATORS = {Role.COORDINATOR, Role.ADMIN}

# The specification: add a line here for each new route.
EXPECTED = {
    "static": EVERYONE,
    "home.index": EVERYONE,
    "home.help": EVERYONE,
    "home.healthz": EVERYONE,
    "auth.sign_in": EVERYONE,
    "auth.register": EVERYONE,
    "auth.forgotten_password": EVERYONE,
    "auth.reset_password": EVERYONE,
    "auth.sign_out": STAFF,
    "auth.account": STAFF,
    "admin.people": {Role.ADMIN},
    "admin.person": {Role.ADMIN},
    "admin.agencies": COORDINATORS,
    "admin.agency": COORDINATORS,
    "learning.catalogue": EVERYONE,
    "learning.item": EVERYONE,
    "learning.page": EVERYONE,
    "learning.read_page": STAFF,
    "learning.leaflets": EVERYONE,
    "learning.leaflet": EVERYONE,
    "learning.leaflet_pdf": EVERYONE,
    "quizzes.check": STAFF,
    "quizzes.start": STAFF,
    "quizzes.attempt": STAFF,
    "quizzes.submit": STAFF,
    "certificates.mine": STAFF,
    "certificates.download": STAFF,
    "certificates.verify_form": EVERYONE,
    "certificates.verify": EVERYONE,
    "certificates.manage": COORDINATORS,
    "licensing.check": {Role.LICENSING_OFFICER, Role.ADMIN},
    "reports.knowledge_checks": COORDINATORS,
    "reports.courses": COORDINATORS,
    "bookings.courses": EVERYONE,
    "bookings.course": EVERYONE,
    "bookings.book": STAFF,
    "bookings.mine": STAFF,
    "bookings.cancel": STAFF,
    "bookings.evaluation": STAFF,
    "sessions.overview": COORDINATORS,
    "sessions.create": COORDINATORS,
    "sessions.session": COORDINATORS,
    "sessions.edit": COORDINATORS,
    "sessions.cancel": COORDINATORS,
    "sessions.give_place": COORDINATORS,
    "sessions.move": COORDINATORS,
    "surveys.enter_code": EVERYONE,
    "surveys.start": EVERYONE,
    "surveys.answer": EVERYONE,
    "surveys.thank_you": EVERYONE,
    "campaigns.overview": COORDINATORS,
    "campaigns.create": COORDINATORS,
    "campaigns.campaign": COORDINATORS,
    "campaigns.close": COORDINATORS,
    "campaigns.answers": COORDINATORS,
    "campaigns.school_poster": COORDINATORS,
    "registers.sessions": {Role.TRAINER, *COORDINATORS},
    "registers.register": {Role.TRAINER, *COORDINATORS},
    "registers.walk_in": {Role.TRAINER, *COORDINATORS},
}
WHO = ["visitor", *Role]
SAMPLE_VALUES = {"filename": "css/app.css", "token": "not-a-token", "slug": "taxi-drivers",
                 "page": "signs", "code": "AAAA-BBBB-CCCC"}


def sample_url(rule: Rule, ids: dict) -> str:
    values = {arg: ids.get(arg, SAMPLE_VALUES.get(arg, 1)) for arg in rule.arguments}
    return rule.build(values)[1]


def test_every_route_states_its_rule(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert endpoints == set(EXPECTED), "routes without a line in EXPECTED, or lines without a route"
    with app.test_request_context():
        for endpoint in endpoints:
            assert access.rule_for(endpoint) is not None, f"{endpoint} states no access rule"


def test_a_route_without_a_rule_is_refused(app, client):
    @app.route("/forgotten-rule")
    def forgotten():
        return "should never be seen"

    response = client.get("/forgotten-rule")
    assert response.status_code == 403
    assert "should never be seen" not in response.get_data(as_text=True)


@pytest.mark.parametrize("who", WHO, ids=str)
def test_each_route_for_each_role(app, client, signed_in, agency, who):
    if who != "visitor":
        user = signed_in(who)
        ids = {"user_id": user.id, "agency_id": agency.id}
    else:
        ids = {"user_id": 1, "agency_id": agency.id}
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "auth.sign_out":
            continue  # tested below: it would end this session
        allowed = who in EXPECTED[rule.endpoint]
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            url = sample_url(rule, ids)
            response = client.open(url, method=method, data={})
            where = f"{who} {method} {url} -> {response.status_code}"
            if allowed:
                assert response.status_code not in (401, 403), where
                assert "/sign-in?next=" not in response.headers.get("Location", ""), where
            elif who == "visitor":
                assert response.status_code == 302, where
                assert "/sign-in?next=" in response.headers["Location"], where
            else:
                assert response.status_code == 403, where


def test_sign_out_needs_a_post_from_someone_signed_in(client, signed_in):
    assert client.post("/sign-out").headers["Location"].startswith("/sign-in?next=")
    signed_in()
    assert client.get("/sign-out").status_code == 405
    assert client.post("/sign-out").status_code == 302
    assert client.get("/account").status_code == 302
