"""The co-ordinator's, the trainer's and the learner's pages, as a person would use them: forms
that work, bad input that gets a message and the form back, and nothing changed by a refusal."""

from datetime import date, timedelta

from sqlalchemy import func, select

from lms.auth.models import Role
from lms.bookings import registers, services
from lms.bookings.models import Booking, CourseSession, Evaluation
from lms.extensions import db
from tests.bookings.test_booking import new_session, people
from tests.bookings.test_registers import started_session


def session_form(when: date, **changes) -> dict:
    form = {"course": "level-1-multi-agency", "day": [str(when.day), str(when.month),
                                                      str(when.year)],
            "starts": "09:30", "ends": "12:30", "venue": "Town Hall", "capacity": "12",
            "agency_cap": "", "online_link": "", "opens": ["", "", ""], "closes": ["", "", ""],
            "cancel_by": ["", "", ""]}
    form.update(changes)
    return form


def test_a_coordinator_adds_changes_and_cancels_a_session(client, signed_in, make_user):
    signed_in(Role.COORDINATOR)
    trainer = make_user(Role.TRAINER, email="t@example.org", name="Tia Trainer")
    day = date.today() + timedelta(days=30)
    page = client.get("/sessions/new").get_data(as_text=True)
    assert "Tia Trainer" in page and "Day" in page
    response = client.post("/sessions/new", data=session_form(day, trainers=[trainer.id]))
    assert response.status_code == 302
    session = db.session.scalars(select(CourseSession)).one()
    assert session.capacity == 12 and session.trainers == [trainer]
    assert session.starts_at.minute == 30  # 09:30 in London, kept in UTC
    person = make_user(email="p@example.org")
    services.book(session.id, person)
    page = client.get(f"/sessions/{session.id}").get_data(as_text=True)
    assert "p@example.org" in page and "1 booked of 12" in page
    # Fewer places than booked: the form again, with the message, nothing changed.
    response = client.post(f"/sessions/{session.id}/edit",
                           data=session_form(day, capacity="0", venue="Elsewhere"))
    assert response.status_code == 400
    assert "Places must be between 1 and 500" in response.get_data(as_text=True)
    assert db.session.get(CourseSession, session.id).venue == "Town Hall"
    closes = day - timedelta(days=2)
    response = client.post(f"/sessions/{session.id}/edit", data=session_form(
        day, venue="Fire Station", closes=[str(closes.day), str(closes.month), str(closes.year)]))
    assert response.status_code == 302
    changed = db.session.get(CourseSession, session.id)
    assert changed.venue == "Fire Station" and changed.booking_closes_at.date() == closes
    assert "will be emailed" in client.get(f"/sessions/{session.id}/cancel").get_data(
        as_text=True)
    client.post(f"/sessions/{session.id}/cancel")
    assert db.session.get(CourseSession, session.id).cancelled_at is not None
    assert "Cancelled" in client.get("/sessions").get_data(as_text=True)


def test_bad_session_forms_get_messages(client, signed_in):
    signed_in(Role.COORDINATOR)
    day = date.today() + timedelta(days=30)
    for changes, message in [
        ({"day": ["31", "2", str(day.year)]}, "Enter a real date"),
        ({"day": ["1", "1", "2020"]}, "The date must be today or in the future"),
        ({"starts": "25:00"}, "Enter a time like 09:30 or 14:00"),
        ({"ends": "09:00"}, "The end must be after the start"),
        ({"course": "no-such-course"}, "Select one of the options shown"),
        ({"venue": "x" * 201}, "Venue must be 200 characters or fewer"),
        ({"online_link": "javascript:alert(1)"}, "Enter a link that starts with https://"),
        ({"capacity": "many"}, "Places must be between 1 and 500"),
        ({"closes": [str(day.day), str(day.month), str(day.year + 1)]},
         "booking and free cancellation must end by the start"),
    ]:
        response = client.post("/sessions/new", data=session_form(day, **changes))
        assert response.status_code == 400, changes
        assert message in response.get_data(as_text=True), changes
    assert db.session.scalar(select(func.count()).select_from(CourseSession)) == 0


def test_give_a_place_and_move_from_the_session_page(client, signed_in, make_user):
    signed_in(Role.COORDINATOR)
    full = new_session(capacity=1)
    extra = new_session(capacity=3, starts_in=timedelta(days=21))
    a, b = people(make_user, 2)
    services.book(full.id, a)
    waiting = services.book(full.id, b)
    page = client.get(f"/sessions/{full.id}").get_data(as_text=True)
    assert f'id="move-{waiting.id}"' in page
    client.post(f"/sessions/bookings/{waiting.id}/move", data={"to_session": extra.id})
    assert db.session.get(Booking, waiting.id).session_id == extra.id
    response = client.post(f"/sessions/bookings/{waiting.id}/move",
                           data={"to_session": "999"}, follow_redirects=True)
    assert "Select a session" in response.get_data(as_text=True)
    response = client.post(f"/sessions/bookings/{waiting.id}/give-place",
                           follow_redirects=True)
    assert "no longer on the waiting list" in response.get_data(as_text=True)


def test_a_trainer_keeps_the_register(client, signed_in, make_user, agency):
    trainer = signed_in(Role.TRAINER)
    session, (came, late, absent) = started_session(make_user, count=3)
    session.trainers = [trainer]
    db.session.commit()
    page = client.get("/registers").get_data(as_text=True)
    assert f"/registers/{session.id}" in page
    url = f"/registers/{session.id}"
    # Late without minutes: the form again with what was chosen, nothing saved.
    response = client.post(url, data={f"attendance-{came.id}": "present",
                                      f"attendance-{late.id}": "late"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Enter how many minutes late" in html and f'href="#attendance-{late.id}"' in html
    assert db.session.get(Booking, came.id).attendance is None
    # A tampered value is refused outright.
    assert client.post(url, data={f"attendance-{came.id}": "sleeping"}).status_code == 400
    # Closing with someone unmarked keeps the register open and names them.
    response = client.post(url, data={f"attendance-{came.id}": "present",
                                      f"attendance-{late.id}": "late",
                                      f"minutes-{late.id}": "5", "action": "close"})
    assert response.status_code == 400
    assert "Mark everyone before closing the register" in response.get_data(as_text=True)
    # A walk-in with a new account.
    response = client.post(f"{url}/walk-in", data={
        "walk-in-email": "walker@example.org", "walk-in-name": "Wanda Walker",
        "walk-in-agency": agency.id})
    assert response.status_code == 302
    response = client.post(f"{url}/walk-in", data={"walk-in-email": "nobody@example.org"})
    assert response.status_code == 400 and "enter their full name" in response.get_data(
        as_text=True)
    walker = next(b for b in registers.on_register(session.id) if b.walk_in)
    client.post(url, data={f"attendance-{absent.id}": "absent", "action": "close"})
    closed = db.session.get(CourseSession, session.id)
    assert closed.register_closed_at is not None
    assert {b.id for b in registers.on_register(session.id) if b.certificate_id} == {
        came.id, late.id, walker.id}
    assert "The register is closed." in client.get(url).get_data(as_text=True)


def test_a_trainer_cannot_keep_another_trainers_register(client, signed_in, make_user):
    signed_in(Role.TRAINER)
    session, (booked,) = started_session(make_user, count=1)
    assert client.get(f"/registers/{session.id}").status_code == 403
    assert client.post(f"/registers/{session.id}",
                       data={f"attendance-{booked.id}": "present"}).status_code == 403
    assert db.session.get(Booking, booked.id).attendance is None


def test_past_bookings_show_attendance_and_take_an_evaluation(client, signed_in, make_user):
    learner = signed_in()
    session = new_session()
    booking = services.book(session.id, learner)
    session.starts_at = services.now() - timedelta(hours=4)
    session.ends_at = services.now() - timedelta(hours=1)
    db.session.commit()
    registers.mark(session.id, {booking.id: (registers.Attendance.PRESENT, None)})
    registers.close(session.id)
    html = client.get("/bookings").get_data(as_text=True)
    assert "Past sessions" in html and "Download your certificate of attendance" in html
    url = f"/bookings/{booking.id}/evaluation"
    response = client.post(url, data={"usefulness": "9", "confidence_before": "3"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Select one of the options shown" in html and "Select a number from 0 to 10" in html
    response = client.post(url, data={"usefulness": "5", "confidence_before": "3",
                                      "confidence_after": "8",
                                      "will_do_differently": "Ask about gifts"})
    assert response.status_code == 302
    assert db.session.scalars(select(Evaluation)).one().usefulness == 5
    assert "Thank you for your feedback" in client.get("/bookings").get_data(as_text=True)
    assert client.post(url, data={"usefulness": "1", "confidence_before": "1",
                                  "confidence_after": "1"}).status_code == 302
    assert db.session.scalar(select(func.count()).select_from(Evaluation)) == 1
