"""Taking a knowledge check: eligibility, a stable attempt, scoring on the server, limits,
tampering."""

import re

from flask import current_app
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from lms.auth.models import Job, Role
from lms.certificates.models import Certificate
from lms.courses.models import Progress
from lms.extensions import db
from lms.quizzes.models import Answer, Attempt


def quiz():
    return current_app.extensions["lms.content"].quizzes["drivers"]


def read_everything(client):
    for slug in ("what", "who"):
        client.post(f"/learning/drivers/{slug}")


def start(client):
    response = client.post("/learning/drivers/check")
    assert response.status_code == 302, response.data[:300]
    return int(re.search(r"/check/(\d+)$", response.headers["Location"]).group(1))


def include(attempt_id, question_id):
    """Make sure the drawn questions include this one, so the test does not depend on the draw."""
    attempt = db.session.get(Attempt, attempt_id)
    if all(qid != question_id for qid, _ in attempt.questions):
        order = [o.id for o in quiz().questions[question_id].options]
        attempt.questions = [[question_id, order]] + attempt.questions[1:]
        db.session.commit()


def answers(attempt_id, wrong=0):
    """The form a learner sends: right answers, except for the first `wrong` questions."""
    attempt = db.session.get(Attempt, attempt_id)
    form = []
    for index, (qid, _order) in enumerate(attempt.questions):
        question = quiz().questions[qid]
        picked = sorted(question.correct)
        if index < wrong:
            picked = [o.id for o in question.options if not o.correct][:1]
        form += [(f"q-{qid}", option) for option in picked]
    return form


def test_the_check_waits_until_every_page_is_read(client, signed_in):
    signed_in(Role.LEARNER)
    html = client.get("/learning/drivers/check").get_data(as_text=True)
    assert "Read every page first" in html
    assert client.post("/learning/drivers/check").headers["Location"].endswith("/check")
    assert db.session.scalar(select(func.count()).select_from(Attempt)) == 0
    client.post("/learning/drivers/what")
    response = client.post("/learning/drivers/who")  # the last page leads to the check
    assert response.headers["Location"].endswith("/learning/drivers/check")


def test_an_attempt_is_stable_and_holds_no_answers_in_the_page(client, signed_in):
    signed_in(Role.LEARNER)
    read_everything(client)
    attempt_id = start(client)
    assert start(client) == attempt_id  # starting again resumes the attempt in progress
    first = client.get(f"/learning/drivers/check/{attempt_id}").get_data(as_text=True)
    again = client.get(f"/learning/drivers/check/{attempt_id}").get_data(as_text=True)
    assert first == again  # same questions, same order
    attempt = db.session.get(Attempt, attempt_id)
    assert len(attempt.questions) == 5 and len({q for q, _ in attempt.questions}) == 5
    for word in ("Yes", "No 1", "correct", "feedback"):
        assert word not in first.split("<main")[1], word  # no answers or feedback before sending


def test_a_pass_completes_the_item_and_issues_a_certificate(client, signed_in):
    user = signed_in(Role.LEARNER, job=Job.TAXI_DRIVER, licence_number="PH1")
    read_everything(client)
    attempt_id = start(client)
    response = client.post(f"/learning/drivers/check/{attempt_id}",
                           data=MultiDict(answers(attempt_id, 1)))
    assert response.status_code == 302
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "You passed" in html and "You answered 4 of 5 questions correctly." in html
    assert "Your answer" in html and "Correct answer" in html
    attempt = db.session.get(Attempt, attempt_id)
    assert (attempt.score, attempt.passed) == (4, True)
    stored = db.session.scalars(select(Answer).where(Answer.attempt_id == attempt_id)).all()
    assert len(stored) == 5 and sum(a.correct for a in stored) == 4
    assert {a.language for a in stored} == {"en"}
    certificate = db.session.scalars(select(Certificate)).one()
    assert certificate.user_id == user.id and certificate.item == "drivers"
    assert (certificate.expires_at - certificate.issued_at).days in range(364, 367)
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", certificate.code)
    progress = db.session.scalars(select(Progress)).one()
    assert progress.completed_at is not None
    assert "passed this check" in client.get("/learning/drivers/check").get_data(as_text=True)


def test_a_multiple_answer_question_needs_exactly_the_right_options(client, signed_in):
    signed_in(Role.LEARNER)
    read_everything(client)
    attempt_id = start(client)
    include(attempt_id, "many")
    attempt = db.session.get(Attempt, attempt_id)
    form = [pair for pair in answers(attempt_id) if pair[0] != "q-many"]
    form += [("q-many", "a")]  # one of the two right options: not right
    client.post(f"/learning/drivers/check/{attempt_id}", data=MultiDict(form))
    db.session.refresh(attempt)
    assert attempt.score == 4


def test_unanswered_questions_bring_the_form_back_with_choices_kept(client, signed_in):
    signed_in(Role.LEARNER)
    read_everything(client)
    attempt_id = start(client)
    form = answers(attempt_id)
    kept = form[0]
    response = client.post(f"/learning/drivers/check/{attempt_id}", data=MultiDict([kept]))
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "There is a problem" in html and html.count('class="govuk-error-message"') == 4
    assert re.search(rf'value="{kept[1]}"[^>]*checked|checked[^>]*value="{kept[1]}"', html)
    assert db.session.get(Attempt, attempt_id).submitted_at is None


def test_tampered_and_repeated_submissions_change_nothing(client, signed_in, make_user):
    signed_in(Role.LEARNER)
    read_everything(client)
    attempt_id = start(client)
    form = answers(attempt_id)
    for bad in ([*form, ("q-not-in-attempt", "a")], [(form[0][0], "zz"), *form[1:]],
                [*form, form[0]]):
        response = client.post(f"/learning/drivers/check/{attempt_id}", data=MultiDict(bad))
        assert response.status_code == 400
        assert "do not match the questions" in response.get_data(as_text=True)
    assert db.session.get(Attempt, attempt_id).submitted_at is None
    client.post(f"/learning/drivers/check/{attempt_id}", data=MultiDict(form))
    again = client.post(f"/learning/drivers/check/{attempt_id}",
                        data=MultiDict(answers(attempt_id, 5)))
    assert again.status_code == 302
    assert db.session.get(Attempt, attempt_id).score == 5
    assert db.session.scalar(select(func.count()).select_from(Certificate)) == 1

    other = make_user(email="other@example.org")
    client.post("/sign-out")
    client.post("/sign-in", data={"email": other.email, "password": "correct horse battery"})
    assert client.get(f"/learning/drivers/check/{attempt_id}").status_code == 404
    response = client.post(f"/learning/drivers/check/{attempt_id}", data=MultiDict(form))
    assert response.status_code == 404


def test_three_failures_then_read_again(client, signed_in):
    signed_in(Role.LEARNER)
    read_everything(client)
    for _ in range(3):
        attempt_id = start(client)
        failing = MultiDict(answers(attempt_id, 3))
        client.post(f"/learning/drivers/check/{attempt_id}", data=failing)
        assert db.session.get(Attempt, attempt_id).passed is False
    html = client.get("/learning/drivers/check").get_data(as_text=True)
    assert "You have used your 3 attempts" in html
    assert client.post("/learning/drivers/check").headers["Location"].endswith("/check")
    client.post("/learning/drivers/what")
    assert "You have used your 3 attempts" in client.get("/learning/drivers/check").get_data(
        as_text=True)  # every page, not just one
    client.post("/learning/drivers/who")
    assert "You have 3 attempts left." in client.get("/learning/drivers/check").get_data(
        as_text=True)


def test_questions_in_the_learners_language_and_answers_stored_with_it(client, signed_in):
    signed_in(Role.LEARNER, language="pl")
    read_everything(client)
    attempt_id = start(client)
    include(attempt_id, "truth")
    html = client.get(f"/learning/drivers/check/{attempt_id}").get_data(as_text=True)
    assert "CSE to przemoc." in html
    assert 'lang="en" dir="ltr"' in html  # untranslated questions are marked as English
    client.post(f"/learning/drivers/check/{attempt_id}", data=MultiDict(answers(attempt_id)))
    languages = dict(db.session.execute(select(Answer.question, Answer.language)).all())
    assert languages.pop("truth", "pl") == "pl"  # translated: answered in Polish
    assert set(languages.values()) == {"en"}  # the rest were shown in English


def test_an_item_without_a_check_is_complete_when_every_page_is_read(client, signed_in):
    signed_in(Role.LEARNER)
    client.post("/learning/reading/two")
    assert "You completed" not in client.get("/learning/reading").get_data(as_text=True)
    response = client.post("/learning/reading/one")
    assert response.headers["Location"].endswith("/learning/reading/two")
    response = client.post("/learning/reading/two")
    assert response.headers["Location"].endswith("/learning/reading#progress")
    assert "You completed this on" in client.get("/learning/reading").get_data(as_text=True)
    assert "Completed" in client.get("/learning?for=all").get_data(as_text=True)
    assert client.get("/learning/reading/check").status_code == 404


def test_an_attempt_from_an_older_version_of_the_check_is_dropped(client, signed_in):
    signed_in(Role.LEARNER)
    read_everything(client)
    old = start(client)
    quiz().version += 1  # the editors changed the bank while the attempt was open
    try:
        response = client.get(f"/learning/drivers/check/{old}")
        assert response.headers["Location"].endswith("/learning/drivers/check")
        assert db.session.get(Attempt, old) is None
        new = start(client)
        assert db.session.get(Attempt, new).quiz_version == quiz().version  # a fresh draw
    finally:
        quiz().version -= 1
