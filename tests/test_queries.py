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
