"""Questionnaire files: the real one loads complete; broken files are reported with their file
and line and left out; a broken translation falls back to English."""

import pytest

from lms import content
from lms.content.surveys import load_surveys

SURVEY = """\
version: 2
title: After the play
intro: Five minutes.
before_intro: Before the play.
thank_you: Thank you.
questions:
  - id: year
    type: single
    parts: [before, after]
    required: true
    text: Which year are you in?
    options:
      - {id: year-7, text: Year 7}
      - {id: year-8, text: Year 8}
  - id: know-now
    type: scale
    parts: [after]
    topics: [definition]
    text: How much do you know now?
    low: Nothing
    high: A lot
  - id: anything
    type: text
    parts: [after]
    text: Anything else?
"""
POLISH = """\
translates: 1
title: Po przedstawieniu
intro: Pięć minut.
before_intro: Przed przedstawieniem.
thank_you: Dziękujemy.
questions:
  year:
    text: W którym roku jesteś?
    options: {year-7: Rok 7, year-8: Rok 8}
  know-now: {text: "Ile wiesz teraz?", low: Nic, high: Dużo}
  anything: {text: "Coś jeszcze?"}
"""


def load(tmp_path, files):
    for name, text in files.items():
        (tmp_path / name).write_text(text, "utf-8")
    problems = []
    return load_surveys(tmp_path, problems), [str(p) for p in problems]


def test_the_questionnaire_is_complete_in_every_language(app):
    survey = content.catalogue().surveys["after-the-drama"]
    assert not [p for p in content.catalogue().problems if "surveys" in str(p.path)]
    assert len(survey.languages()) == 8
    assert {q.type for q in survey.questions.values()} == {"single", "multiple", "scale", "text"}
    assert [q.id for q in survey.part("before")] == [
        "year-group", "know-now", "warning-signs", "talk-to"]


def test_a_survey_and_an_out_of_date_translation(tmp_path):
    surveys, problems = load(tmp_path, {"after.yaml": SURVEY, "after.pl.yaml": POLISH})
    assert problems == []
    survey = surveys["after"]
    assert survey.status("pl") == content.OUT_OF_DATE and survey.status("ru") == content.MISSING
    assert survey.shown_in("pl") == "pl" and survey.shown_in("ru") == "en"
    assert survey.questions["know-now"].high["pl"] == "Dużo"
    assert survey.text("intro", "ru") == "Five minutes."


@pytest.mark.parametrize("broken, expected", [
    (SURVEY.replace("type: scale", "type: slider"), "type is one of"),
    (SURVEY.replace("    low: Nothing\n", ""), "low and high labels"),
    (SURVEY.replace("parts: [after]\n    topics", "parts: [later]\n    topics"), "parts is"),
    (SURVEY.replace("      - {id: year-8, text: Year 8}\n", ""), "2 to 12 options"),
    (SURVEY.replace("topics: [definition]", "topics: [gossip]"), "topics are"),
    (SURVEY.replace("thank_you: Thank you.\n", ""), "a questionnaire has exactly"),
])
def test_broken_surveys_are_reported_and_left_out(tmp_path, broken, expected):
    surveys, problems = load(tmp_path, {"after.yaml": broken})
    assert surveys == {} and any(expected in p for p in problems), problems
    assert all("after.yaml" in p for p in problems)


def test_a_broken_translation_falls_back_to_english(tmp_path):
    polish = POLISH.replace('  anything: {text: "Coś jeszcze?"}\n', '')
    surveys, problems = load(tmp_path, {"after.yaml": SURVEY, "after.pl.yaml": polish})
    assert any("question anything is not translated" in p for p in problems)
    assert surveys["after"].shown_in("pl") == "en"
