"""Questionnaires in content/surveys/: the English file with structure and text, translations by
id, checked like the knowledge checks (content/README.md)."""

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import DEFAULT, LANGUAGES
from .model import COMPLETE, MISSING, OUT_OF_DATE, Problem
from .quizzes import QUESTION_ID, TOPICS, _key, _line, _text, _whole, _yaml, load_translated

TYPES = ("single", "multiple", "scale", "text")
PARTS = ("before", "after")
TEXTS = {"title": 120, "intro": 500, "before_intro": 500, "thank_you": 500}
QUESTION_LENGTH, OPTION_LENGTH, HINT_LENGTH, LABEL_LENGTH = 300, 150, 200, 40
SCALE = range(0, 11)  # 0 to 10
OPTION_ID = re.compile(r"^[a-z0-9-]{1,40}$")
QUESTION_KEYS = {"id", "type", "parts", "required", "topics", "text", "hint", "low", "high",
                 "options"}


@dataclass
class Choice:
    id: str
    correct: bool
    text: dict[str, str] = field(default_factory=dict)


@dataclass
class SurveyQuestion:
    id: str
    type: str
    parts: tuple[str, ...]
    required: bool
    topics: tuple[str, ...]
    options: list[Choice]
    text: dict[str, str] = field(default_factory=dict)  # by language, like every text here
    hint: dict[str, str] = field(default_factory=dict)
    low: dict[str, str] = field(default_factory=dict)
    high: dict[str, str] = field(default_factory=dict)

    def choice(self, choice_id: str) -> Choice | None:
        return next((c for c in self.options if c.id == choice_id), None)


@dataclass
class Survey:
    slug: str
    version: int
    questions: dict[str, SurveyQuestion]
    texts: dict[str, dict[str, str]] = field(default_factory=dict)  # name -> language -> text
    translates: dict[str, int] = field(default_factory=dict)

    def part(self, part: str) -> list[SurveyQuestion]:
        return [q for q in self.questions.values() if part in q.parts]

    def text(self, name: str, language: str) -> str:
        texts = self.texts[name]
        return texts.get(language) or texts[DEFAULT]

    def shown_in(self, language: str) -> str:
        """The language the questionnaire is shown in: the reader's when complete, else English."""
        return language if self.status(language) != MISSING else DEFAULT

    def status(self, language: str) -> str:
        if language == DEFAULT:
            return COMPLETE
        if language not in self.translates or any(
                language not in q.text for q in self.questions.values()):
            return MISSING
        return OUT_OF_DATE if self.translates[language] < self.version else COMPLETE

    def languages(self) -> list[str]:
        return [code for code in LANGUAGES if self.status(code) != MISSING]

    def words(self, language: str) -> int:
        texts = [t.get(language, "") for t in self.texts.values()]
        for q in self.questions.values():
            texts += [q.text.get(language, ""), q.hint.get(language, ""),
                      q.low.get(language, ""), q.high.get(language, "")]
            texts += [c.text.get(language, "") for c in q.options]
        return len(re.findall(r"\w+", " ".join(texts)))


def load_surveys(folder: Path, problems: list[Problem]) -> dict[str, Survey]:
    return load_translated(folder, problems, _read_survey, _read_translation, "questionnaire",
                           "survey")


def _read_survey(path: Path, slug: str, problems: list[Problem]) -> Survey | None:
    source = path.read_text("utf-8")
    data = _yaml(source, path, problems)
    if data is None:
        return None
    before = len(problems)

    def problem(message: str, near: str = "") -> None:
        problems.append(Problem(path, _line(source, near), message))

    if set(data) != {"version", "questions", *TEXTS}:
        problem(f"a questionnaire has exactly: version, questions, {', '.join(TEXTS)}")
        return None
    if not _whole(data["version"], 1, 10_000):
        problem("version is a whole number")
    texts = {}
    for name, limit in TEXTS.items():
        if not _text(data[name], limit):
            problem(f"{name} is 1 to {limit} characters", f"{name}:")
        else:
            texts[name] = {DEFAULT: data[name].strip()}
    questions: dict[str, SurveyQuestion] = {}
    for entry in data["questions"] if isinstance(data["questions"], list) else []:
        question = _question(entry, problem)
        if question and question.id in questions:
            problem(f"question id {question.id} is used twice", f"id: {question.id}")
        elif question:
            questions[question.id] = question
    if not any("after" in q.parts for q in questions.values()):
        problem("a questionnaire needs questions for after the drama")
    if len(problems) > before:
        return None
    return Survey(slug, data["version"], questions, texts)


def _question(entry, problem) -> SurveyQuestion | None:
    if not isinstance(entry, dict) or not QUESTION_ID.match(str(entry.get("id", ""))):
        problem("every question has an id of lower-case words and hyphens")
        return None
    qid, kind = entry["id"], entry.get("type")
    found = []
    if set(entry) - QUESTION_KEYS or not {"id", "type", "parts", "text"} <= set(entry):
        found.append(f"a question has id, type, parts, text, and may have "
                     f"{', '.join(sorted(QUESTION_KEYS - {'id', 'type', 'parts', 'text'}))}")
    if kind not in TYPES:
        found.append(f"type is one of {', '.join(TYPES)}")
    parts = entry.get("parts")
    if not isinstance(parts, list) or not parts or set(parts) - set(PARTS):
        found.append("parts is a list of before, after")
    if entry.get("required", False) not in (True, False):
        found.append("required is true or false")
    if set(entry.get("topics") or []) - set(TOPICS):
        found.append(f"topics are a list of {', '.join(TOPICS)}")
    if not _text(entry.get("text"), QUESTION_LENGTH):
        found.append(f"text is 1 to {QUESTION_LENGTH} characters")
    if "hint" in entry and not _text(entry["hint"], HINT_LENGTH):
        found.append(f"hint is 1 to {HINT_LENGTH} characters")
    if (kind == "scale") != ("low" in entry and "high" in entry) or (kind == "scale" and not (
            _text(entry["low"], LABEL_LENGTH) and _text(entry["high"], LABEL_LENGTH))):
        found.append(f"a scale question, and only a scale, has low and high labels of up to "
                     f"{LABEL_LENGTH} characters")
    options = [_choice(raw, found) for raw in entry.get("options") or []]
    ids = [c.id for c in options if c]
    if (kind in ("single", "multiple")) != bool(options):
        found.append("single and multiple questions, and only those, have options")
    elif options and (None in options or len(set(ids)) != len(ids) or not 2 <= len(ids) <= 12):
        found.append("2 to 12 options, each with a unique id and text")
    for message in found:
        problem(f"question {qid}: {message}", f"id: {qid}")
    if found:
        return None
    question = SurveyQuestion(qid, kind, tuple(parts), entry.get("required", False),
                              tuple(entry.get("topics") or ()), options)
    question.text[DEFAULT] = entry["text"].strip()
    for name in ("hint", "low", "high"):
        if name in entry:
            getattr(question, name)[DEFAULT] = entry[name].strip()
    return question


def _choice(raw, found: list[str]) -> Choice | None:
    if isinstance(raw, dict) and "id" in raw:
        raw = {**raw, "id": _key(raw["id"])}
    if (not isinstance(raw, dict) or not OPTION_ID.match(str(raw.get("id", "")))
            or set(raw) - {"id", "text", "correct"} or raw.get("correct", False) not in (
                True, False) or not _text(raw.get("text"), OPTION_LENGTH)):
        return None
    choice = Choice(raw["id"], raw.get("correct", False))
    choice.text[DEFAULT] = raw["text"].strip()
    return choice


def _read_translation(path: Path, survey: Survey, language: str, problems: list[Problem]):
    """Take every well-formed text; anything broken or missing falls back to English."""
    source = path.read_text("utf-8")
    data = _yaml(source, path, problems)
    if data is None:
        return
    if set(data) != {"translates", "questions", *TEXTS} or not _whole(
            data["translates"], 1, survey.version):
        problems.append(Problem(path, 1, f"a translation has translates (1 to {survey.version}), "
                                         f"questions and {', '.join(TEXTS)}"))
        return
    for name, limit in TEXTS.items():
        if _text(data[name], limit):
            survey.texts[name][language] = data[name].strip()
        else:
            problems.append(Problem(path, _line(source, f"{name}:"),
                                    f"{name} is 1 to {limit} characters"))
    given = data["questions"] if isinstance(data["questions"], dict) else {}
    for qid, question in survey.questions.items():
        if qid not in given:
            problems.append(Problem(path, 1, f"question {qid} is not translated"))
        elif not _translated(question, given[qid], language):
            problems.append(Problem(path, _line(source, f"{qid}:"), f"question {qid}: give "
                                    "text, and the hint, labels and options the English has"))
    for qid in set(given) - set(survey.questions):
        problems.append(Problem(path, _line(source, f"{qid}:"), f"no question {qid} in the "
                                                               "English"))
    survey.translates[language] = data["translates"]


def _translated(question: SurveyQuestion, entry, language: str) -> bool:
    if not isinstance(entry, dict):
        return False
    expected = {"text"} | {n for n in ("hint", "low", "high") if getattr(question, n)}
    if question.options:
        expected.add("options")
    if set(entry) != expected or not _text(entry["text"], QUESTION_LENGTH):
        return False
    limits = {"hint": HINT_LENGTH, "low": LABEL_LENGTH, "high": LABEL_LENGTH}
    if any(not _text(entry[name], limit) for name, limit in limits.items() if name in entry):
        return False
    options = {_key(k): v for k, v in (entry.get("options") or {}).items()}
    if set(options) != {c.id for c in question.options} or not all(
            _text(text, OPTION_LENGTH) for text in options.values()):
        return False
    question.text[language] = entry["text"].strip()
    for name in limits:
        if name in entry:
            getattr(question, name)[language] = entry[name].strip()
    for choice in question.options:
        choice.text[language] = options[choice.id].strip()
    return True
