"""Pages cost a constant, small number of queries, whatever the size of the tables."""

import pytest
from sqlalchemy import event

from lms.auth.models import Agency, Role, Sector
from lms.extensions import db


@pytest.fixture
def count_queries(app):
    statements = []

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    yield statements
    event.remove(db.engine, "before_cursor_execute", record)


@pytest.mark.parametrize("url, most", [
    ("/", 2), ("/account", 2), ("/agencies", 3), ("/learning?for=all", 3),
    ("/learning/level-1-cse", 3), ("/learning/level-1-cse/models", 3),
])
def test_queries_per_page(client, signed_in, make_user, count_queries, url, most):
    signed_in(Role.COORDINATOR)
    for n in range(30):
        make_user(email=f"p{n}@example.org")
    count_queries.clear()
    assert client.get(url).status_code == 200
    assert len(count_queries) <= most, count_queries


def test_people_search_is_one_query_for_the_list(client, signed_in, make_user, count_queries):
    signed_in(Role.ADMIN)
    agencies = [Agency(name=f"Agency {n}", sector=Sector.OTHER) for n in range(10)]
    db.session.add_all(agencies)
    db.session.commit()
    for n in range(30):
        make_user(email=f"p{n}@example.org", agency_id=agencies[n % 10].id)
    count_queries.clear()
    assert client.get("/admin/people?q=example").status_code == 200
    assert len(count_queries) <= 3, count_queries  # the user, the people, their agencies


def test_session_register_and_campaign_pages_do_not_grow_with_people(
        client, signed_in, make_user, count_queries):
    """A full session and its register, and a campaign's counts: the same number of queries
    for 4 people as for 24."""
    from datetime import timedelta

    from lms.bookings import services
    from lms.surveys import services as surveys

    signed_in(Role.COORDINATOR)
    start = services.now() + timedelta(days=10)
    session = services.create_session("level-1-multi-agency", start, start + timedelta(hours=3),
                                      "Hall", 40, opens_at=services.now() - timedelta(days=1))
    today = surveys.today()
    campaign = surveys.create_campaign(surveys.CampaignDetails(
        "Drama", "after-the-drama", today, today, False, [f"School {n}" for n in range(12)]))
    costs = []
    for batch in range(2):
        for n in range(4 if batch == 0 else 20):
            services.book(session.id, make_user(email=f"b{batch}-{n}@example.org"))
        cost = []
        for url in (f"/sessions/{session.id}", f"/registers/{session.id}", "/sessions",
                    f"/campaigns/{campaign.id}", "/campaigns"):
            count_queries.clear()
            assert client.get(url).status_code == 200, url
            cost.append(len(count_queries))
        costs.append(cost)
    assert costs[0] == costs[1], costs
    assert max(costs[1]) <= 8, costs
