"""Fifty people press "Book" at once for ten places, each through their own database connection."""

import os
import threading
from datetime import timedelta

import pytest
from sqlalchemy import select

from lms import create_app
from lms.auth.models import User
from lms.bookings import services
from lms.bookings.models import Booking, CourseSession
from lms.extensions import db
from tests.conftest import make_config

PEOPLE, PLACES = 50, 10


@pytest.mark.skipif(not os.environ.get("LMS_TEST_DATABASE_URL"), reason="needs PostgreSQL")
def test_fifty_at_once_for_ten_places(app, make_user, database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("row locks are PostgreSQL's; SQLite has one writer at a time anyway")
    start = services.now() + timedelta(days=10)
    session = services.create_session("level-1-multi-agency", start, start + timedelta(hours=3),
                                      "Town Hall", PLACES,
                                      opens_at=services.now() - timedelta(days=1))
    session_id = session.id  # plain values only: the threads must not touch this session
    ids = [make_user(email=f"c{n}@example.org").id for n in range(PEOPLE)]

    crowd = create_app(make_config(database_url, SQLALCHEMY_ENGINE_OPTIONS={
        "pool_size": PEOPLE, "max_overflow": 0}))
    ready, errors, order = threading.Barrier(PEOPLE), [], []

    def press_book(user_id):
        with crowd.app_context():
            user = db.session.get(User, user_id)
            ready.wait()
            try:
                booking = services.book(session_id, user)
                order.append((booking.id, booking.status.value))
            except Exception as error:  # noqa: BLE001 - every failure is the finding
                errors.append(repr(error))
            finally:
                db.session.remove()

    threads = [threading.Thread(target=press_book, args=(i,)) for i in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    with crowd.app_context():
        db.engine.dispose()

    assert errors == [], errors[0]
    db.session.expire_all()
    statuses = [s for _, s in sorted(order)]
    assert statuses.count("confirmed") == PLACES and statuses.count("waiting") == PEOPLE - PLACES
    assert statuses[:PLACES] == ["confirmed"] * PLACES  # places in the order the locks were got
    assert db.session.get(CourseSession, session_id).taken == PLACES
    waiting = db.session.scalars(select(Booking).where(Booking.status == "waiting")
                                 .order_by(Booking.id)).all()
    assert [services.position(b) for b in waiting] == list(range(1, PEOPLE - PLACES + 1))
