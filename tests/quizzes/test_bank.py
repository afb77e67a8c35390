"""Knowledge-check files: the English bank, its translations by id, and what the check reports."""

import pytest

from lms import content
from lms.content.quizzes import load_quizzes

BANK = """\
version: 2
draw: 2
pass_mark: 80
attempts: 3
questions:
  - id: t-fare
    type: single
    topics: [signs]
    text: "An adult not in the taxi pays a teenager's fare. What do you do?"
    options:
      - {id: a, text: "Nothing", feedback: "It can be a sign."}
      - {id: b, correct: true, text: "Report it on 101", feedback: "Yes."}
  - id: t-signs
    type: multiple
    topics: [signs, myths]
    text: "Which can be signs?"
    options:
      - {id: a, correct: true, text: "Hotel at 2 am", feedback: "Yes."}
      - {id: b, correct: true, text: "No luggage", feedback: "Yes."}
      - {id: c, text: "Paying by card", feedback: "No."}
  - id: t-abuse
    type: true_false
    topics: [definition]
    text: "CSE is child sexual abuse."
    options:
      - {id: true, correct: true, feedback: "Yes."}
      - {id: "false", feedback: "It is."}
"""

POLISH = """\
translates: 1
questions:
  t-fare:
    text: "Dorosły płaci za kurs. Co robisz?"
    options:
      a: {text: "Nic", feedback: "To może być sygnał."}
      b: {text: "Zgłaszam pod 101", feedback: "Tak."}
  t-abuse:
    text: "CSE to przemoc seksualna wobec dzieci."
    options:
      true: {feedback: "Tak."}
      "false": {feedback: "To jest przemoc."}
"""


def load(tmp_path, files):
    for name, text in files.items():
        (tmp_path / name).write_text(text, "utf-8")
    problems = []
    return load_quizzes(tmp_path, problems), [str(p) for p in problems]


def test_a_bank_and_a_partial_out_of_date_translation(tmp_path):
    quizzes, problems = load(tmp_path, {"taxi.yaml": BANK, "taxi.pl.yaml": POLISH})
    assert problems == []
    quiz = quizzes["taxi"]
    assert (quiz.version, quiz.draw, quiz.pass_mark, quiz.attempts) == (2, 2, 80, 3)
    assert quiz.questions["t-signs"].correct == {"a", "b"}
    assert quiz.questions["t-abuse"].correct == {"true"}
    assert quiz.questions["t-fare"].text["pl"].startswith("Dorosły")
    assert quiz.questions["t-abuse"].options[0].feedback["pl"] == "Tak."
    assert quiz.questions["t-signs"].language_for("pl") == "en"  # not translated: English
    assert quiz.status("pl") == content.MISSING  # one question has no Polish
    assert quiz.status("en") == content.COMPLETE and quiz.languages() == ["en"]


@pytest.mark.parametrize("broken, expected", [
    (BANK.replace("draw: 2", "draw: 9"), "draw (1 to the number of questions)"),
    (BANK.replace("type: single", "type: essay"), "question t-fare: type is one of"),
    (BANK.replace("topics: [signs]", "topics: [weather]"), "question t-fare: topics are a list"),
    (BANK.replace("- {id: b, correct: true,", "- {id: b,"), "exactly one correct"),
    (BANK.replace("- {id: c, text", "- {id: c, correct: true, text"), "some but not all correct"),
    (BANK.replace("id: t-signs", "id: t-fare"), "question id t-fare is used twice"),
    (BANK.replace('feedback: "It is."', 'text: "No", feedback: "It is."'), "option false has"),
    (BANK.replace("  - id: t-fare\n", "  - id: T Fare\n"), "an id of lower-case words"),
    ("version: 1\n", "a knowledge check has exactly"),
    ("version: [\n", "not valid YAML"),
])
def test_broken_banks_are_reported_and_left_out(tmp_path, broken, expected):
    quizzes, problems = load(tmp_path, {"taxi.yaml": broken})
    assert "taxi" not in quizzes
    assert any(expected in problem for problem in problems), problems


def test_broken_translations_lose_only_the_broken_questions(tmp_path):
    polish = POLISH.replace('b: {text: "Zgłaszam pod 101", feedback: "Tak."}', "b: {}")
    polish += '  t-unknown:\n    text: "?"\n    options: {}\n'
    quizzes, problems = load(tmp_path, {"taxi.yaml": BANK, "taxi.pl.yaml": polish,
                                        "taxi.xx.yaml": POLISH, "other.pl.yaml": POLISH})
    assert "pl" not in quizzes["taxi"].questions["t-fare"].text
    assert "pl" in quizzes["taxi"].questions["t-abuse"].text
    assert any("taxi.pl.yaml:3: question t-fare: give text" in p for p in problems), problems
    assert any("no question t-unknown in the English" in p for p in problems), problems
    assert any("taxi.xx.yaml: a translation is named" in p for p in problems), problems
    assert any("other.pl.yaml: no English knowledge check" in p for p in problems), problems
    _, problems = load(tmp_path, {"taxi.pl.yaml": POLISH.replace("translates: 1", "translates: 3")})
    assert any("translates (1 to 2)" in p for p in problems), problems
