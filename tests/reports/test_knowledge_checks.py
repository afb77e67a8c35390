"""Which questions people get wrong, and in which language."""

import re

from lms.auth.models import Role
from lms.extensions import db
from lms.quizzes.models import Answer, Attempt
from lms.reports import services


def attempt(user, passed, answers):
    row = Attempt(user_id=user.id, item="taxi-drivers", quiz="taxi-drivers", quiz_version=1,
                  questions=[[q, []] for q, *_ in answers], total=len(answers),
                  started_at=services_now(), submitted_at=services_now(),
                  score=sum(c for *_, c in answers), passed=passed)
    db.session.add(row)
    db.session.flush()
    for position, (question, language, correct) in enumerate(answers):
        db.session.add(Answer(attempt_id=row.id, question=question, position=position,
                              options="a", language=language, correct=correct))
    db.session.commit()


def services_now():
    from lms.quizzes.services import now

    return now()


def test_results_per_question_and_language_hardest_first(client, signed_in, make_user):
    one, two = make_user(email="1@example.org"), make_user(email="2@example.org")
    attempt(one, False, [("taxi-hotel-no-luggage", "pl", False), ("taxi-cse-is-abuse", "pl", True)])
    attempt(two, True, [("taxi-hotel-no-luggage", "en", True), ("taxi-cse-is-abuse", "ur", True)])
    results = services.question_results("taxi-drivers")
    assert [r.question for r in results] == ["taxi-hotel-no-luggage", "taxi-cse-is-abuse"]
    assert (results[0].answers, results[0].percent) == (2, 50)
    assert results[0].by_language == {"pl": (1, 0), "en": (1, 1)}
    assert services.attempt_summary("taxi-drivers") == (2, 1, 1)

    signed_in(Role.COORDINATOR)
    html = client.get("/reports/knowledge-checks?check=taxi-drivers").get_data(as_text=True)
    values = re.findall(r'summary-list__value">(\d+)<', html)
    assert values == ["2", "1", "1"]
    assert html.index("taxi-hotel-no-luggage") < html.index("taxi-cse-is-abuse")
    assert "50%" in html
    assert client.get("/reports/knowledge-checks?check=nope").status_code == 404
