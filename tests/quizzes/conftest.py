"""A small item with a knowledge check, so scoring can be tested exactly."""

import pytest

from tests.courses.test_content import page, write

QUIZ = """\
version: 1
draw: 5
pass_mark: 80
attempts: 3
questions:
""" + "".join(f"""\
  - id: q{n}
    type: single
    topics: [signs]
    text: "Question {n}?"
    options:
      - {{id: a, correct: true, text: "Right {n}", feedback: "Yes {n}."}}
      - {{id: b, text: "Wrong {n}", feedback: "No {n}."}}
      - {{id: c, text: "Also wrong {n}", feedback: "No {n}."}}
""" for n in range(1, 5)) + """\
  - id: many
    type: multiple
    topics: [signs]
    text: "Which are signs?"
    options:
      - {id: a, correct: true, text: "Sign one", feedback: "Yes."}
      - {id: b, correct: true, text: "Sign two", feedback: "Yes."}
      - {id: c, text: "Not a sign", feedback: "No."}
  - id: truth
    type: true_false
    topics: [definition]
    text: "CSE is abuse."
    options:
      - {id: "true", correct: true, feedback: "Yes, it is."}
      - {id: "false", feedback: "It is abuse."}
"""

POLISH = """\
translates: 1
questions:
  truth:
    text: "CSE to przemoc."
    options:
      "true": {feedback: "Tak."}
      "false": {feedback: "To jest przemoc."}
"""


@pytest.fixture(scope="session")
def quiz_content(tmp_path_factory):
    root = tmp_path_factory.mktemp("content")
    return write(root, {
        "learning/drivers/item.yaml": (
            "kind: briefing\naudience: [taxi_driver]\nduration: 12\nquiz: drivers\n"
            "renewal_months: 12\n"),
        "learning/drivers/en/index.md": page("For drivers", summary="A briefing."),
        "learning/drivers/en/01-what.md": page("What it is"),
        "learning/drivers/en/02-who.md": page("Who to call"),
        "learning/drivers/pl/index.md": page("Dla kierowców", language="pl", summary="Krótko."),
        "learning/drivers/pl/01-what.md": page("Co to jest", language="pl"),
        "learning/drivers/pl/02-who.md": page("Do kogo", language="pl"),
        "learning/reading/item.yaml": "kind: module\naudience: [professional]\nduration: 5\n",
        "learning/reading/en/index.md": page("Reading only", summary="No check."),
        "learning/reading/en/01-one.md": page("One"),
        "learning/reading/en/02-two.md": page("Two"),
        "leaflets/young-people/en.md": page("Staying safe", summary="For you."),
        "quizzes/drivers.yaml": QUIZ,
        "quizzes/drivers.pl.yaml": POLISH,
    })


@pytest.fixture
def content_dir(quiz_content):
    return quiz_content
