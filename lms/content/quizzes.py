"""Knowledge checks in content/quizzes/: the English bank with its answers, translations by id.

Correct answers and structure exist once, in the English file; a translation holds text only.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..i18n import DEFAULT, LANGUAGES
from .model import COMPLETE, MISSING, OUT_OF_DATE, Problem

TYPES = ("single", "multiple", "true_false")
TOPICS = (
    "definition", "signs", "risk-taking", "myths", "social-media", "spectrum", "coercion",
    "relationships", "law", "what-to-do", "missing", "contacts",
)
QUESTION_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
OPTION_ID = re.compile(r"^[a-z0-9-]{1,20}$")
QUESTION_LENGTH, OPTION_LENGTH, FEEDBACK_LENGTH = 200, 150, 300
SETTINGS = {"version", "draw", "pass_mark", "attempts", "questions"}


@dataclass
class Option:
    id: str
    correct: bool
    text: dict[str, str] = field(default_factory=dict)  # by language; none for true/false
    feedback: dict[str, str] = field(default_factory=dict)


@dataclass
class Question:
    id: str
    type: str
    topics: tuple[str, ...]
    options: list[Option]
    text: dict[str, str] = field(default_factory=dict)

    @property
    def correct(self) -> frozenset[str]:
        return frozenset(option.id for option in self.options if option.correct)

    def option(self, option_id: str) -> Option | None:
        return next((option for option in self.options if option.id == option_id), None)

    def language_for(self, language: str) -> str:
        """The language this question can be shown in: the reader's, or English."""
        return language if language in self.text else DEFAULT


@dataclass
class Quiz:
    slug: str
    version: int
    draw: int
    pass_mark: int
    attempts: int
    questions: dict[str, Question]
    translates: dict[str, int] = field(default_factory=dict)  # language -> English version

    def status(self, language: str) -> str:
        if language == DEFAULT:
            return COMPLETE
        if language not in self.translates or any(
            language not in question.text for question in self.questions.values()
        ):
            return MISSING
        return OUT_OF_DATE if self.translates[language] < self.version else COMPLETE

    def languages(self) -> list[str]:
        return [code for code in LANGUAGES if self.status(code) != MISSING]

    def words(self, language: str) -> int:
        texts = [q.text.get(language, "") for q in self.questions.values()]
        for question in self.questions.values():
            for option in question.options:
                texts += [option.text.get(language, ""), option.feedback.get(language, "")]
        return len(re.findall(r"\w+", " ".join(texts)))


def load_quizzes(folder: Path, problems: list[Problem]) -> dict[str, "Quiz"]:
    return load_translated(folder, problems, _read_bank, _read_translation, "knowledge check",
                           "quiz")


def load_translated(folder: Path, problems: list[Problem], read_english, read_translation,
                    what: str, name: str) -> dict:
    """<slug>.yaml in English with <slug>.<language>.yaml beside it: the knowledge checks and
    the questionnaires both keep their files so."""
    found = {}
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.yaml")):
        slug, _, language = path.stem.partition(".")
        if not language:
            english = read_english(path, slug, problems)
            if english:
                found[slug] = english
    for path in sorted(folder.glob("*.*.yaml")):
        slug, _, language = path.stem.partition(".")
        if language not in LANGUAGES or language == DEFAULT:
            problems.append(Problem(path, 0, f"a translation is named <{name}>.<language>.yaml"))
        elif slug not in found:
            problems.append(Problem(path, 0, f"no English {what} {slug}.yaml"))
        else:
            read_translation(path, found[slug], language, problems)
    return found


def _read_bank(path: Path, slug: str, problems: list[Problem]) -> Quiz | None:
    source = path.read_text("utf-8")
    data = _yaml(source, path, problems)
    if data is None:
        return None
    before = len(problems)

    def problem(message: str, near: str = "") -> None:
        problems.append(Problem(path, _line(source, near), message))

    if set(data) != SETTINGS:
        problem(f"a knowledge check has exactly: {', '.join(sorted(SETTINGS))}")
        return None
    questions: dict[str, Question] = {}
    for entry in data["questions"] if isinstance(data["questions"], list) else []:
        question = _question(entry, problem)
        if question and question.id in questions:
            problem(f"question id {question.id} is used twice", f"id: {question.id}")
        elif question:
            questions[question.id] = question
    if not questions:
        problem("a knowledge check needs questions")
    if not (_whole(data["version"], 1, 10_000) and _whole(data["pass_mark"], 1, 100)
            and _whole(data["attempts"], 1, 20) and _whole(data["draw"], 1, len(questions) or 1)):
        problem("version, pass_mark (1-100), attempts (1-20) and draw (1 to the number of "
                "questions) are whole numbers")
    if len(problems) > before:
        return None
    return Quiz(slug, data["version"], data["draw"], data["pass_mark"], data["attempts"], questions)


def _question(entry, problem) -> Question | None:
    if not isinstance(entry, dict) or not QUESTION_ID.match(str(entry.get("id", ""))):
        problem("every question has an id of lower-case words and hyphens")
        return None
    qid, kind = entry["id"], entry.get("type")
    near = f"id: {qid}"
    found = []
    if set(entry) != {"id", "type", "topics", "text", "options"}:
        found.append("a question has exactly: id, type, topics, text, options")
    if kind not in TYPES:
        found.append(f"type is one of {', '.join(TYPES)}")
    topics = entry.get("topics")
    if not isinstance(topics, list) or not topics or set(topics) - set(TOPICS):
        found.append(f"topics are a list of {', '.join(TOPICS)}")
    if not _text(entry.get("text"), QUESTION_LENGTH):
        found.append(f"text is 1 to {QUESTION_LENGTH} characters")
    options = []
    for raw in entry.get("options") or []:
        option = _option(raw, kind, found)
        if option:
            options.append(option)
    ids = [option.id for option in options]
    right = sum(option.correct for option in options)
    if len(set(ids)) != len(ids):
        found.append("option ids are unique")
    elif kind == "true_false" and (sorted(ids) != ["false", "true"] or right != 1):
        found.append('a true_false question has options "true" and "false", one correct')
    elif kind == "single" and (not 2 <= len(ids) <= 6 or right != 1):
        found.append("a single question has 2 to 6 options, exactly one correct")
    elif kind == "multiple" and (not 3 <= len(ids) <= 6 or not 1 <= right < len(ids)):
        found.append("a multiple question has 3 to 6 options, some but not all correct")
    for message in found:
        problem(f"question {qid}: {message}", near)
    if found:
        return None
    question = Question(qid, kind, tuple(topics), options)
    question.text[DEFAULT] = entry["text"].strip()
    return question


def _option(raw, kind: str, found: list[str]) -> Option | None:
    if isinstance(raw, dict) and "id" in raw:
        raw = {**raw, "id": _key(raw["id"])}
    if not isinstance(raw, dict) or not OPTION_ID.match(str(raw.get("id", ""))):
        found.append("every option has an id")
        return None
    keys = {"id", "feedback", "correct"} | ({"text"} if kind != "true_false" else set())
    if set(raw) - keys or not {"id", "feedback"} | (keys & {"text"}) <= set(raw):
        found.append(f"option {raw['id']} has {', '.join(sorted(keys))} (correct only if true)")
        return None
    if raw.get("correct", False) not in (True, False) or not _text(
            raw["feedback"], FEEDBACK_LENGTH) or (kind != "true_false" and not _text(
            raw["text"], OPTION_LENGTH)):
        found.append(f"option {raw['id']}: text up to {OPTION_LENGTH} characters, feedback up "
                     f"to {FEEDBACK_LENGTH}, correct: true or nothing")
        return None
    option = Option(str(raw["id"]), raw.get("correct", False))
    option.feedback[DEFAULT] = raw["feedback"].strip()
    if kind != "true_false":
        option.text[DEFAULT] = raw["text"].strip()
    return option


def _read_translation(path: Path, quiz: Quiz, language: str, problems: list[Problem]) -> None:
    """Take every well-formed question's text; a broken or missing one falls back to English."""
    source = path.read_text("utf-8")
    data = _yaml(source, path, problems)
    if data is None:
        return
    if set(data) != {"translates", "questions"} or not _whole(data["translates"], 1, quiz.version):
        problems.append(Problem(path, 1, f"a translation has translates (1 to {quiz.version}) "
                                         "and questions"))
        return
    for qid, entry in (data["questions"] or {}).items():
        question = quiz.questions.get(qid)
        where = _line(source, f"{qid}:")
        if question is None:
            problems.append(Problem(path, where, f"no question {qid} in the English"))
            continue
        if not _translated_question(question, entry, language):
            problems.append(Problem(path, where, f"question {qid}: give text and, for every "
                                                 "option, its text and feedback, within limits"))
    quiz.translates[language] = data["translates"]


def _translated_question(question: Question, entry, language: str) -> bool:
    options = entry.get("options") if isinstance(entry, dict) else None
    if not isinstance(options, dict) or not _text(entry.get("text"), QUESTION_LENGTH):
        return False
    options = {_key(key): value for key, value in options.items()}
    if set(options) != {option.id for option in question.options}:
        return False
    for option in question.options:
        given = options[option.id]
        if not isinstance(given, dict) or not _text(given.get("feedback"), FEEDBACK_LENGTH):
            return False
        if question.type != "true_false" and not _text(given.get("text"), OPTION_LENGTH):
            return False
    question.text[language] = entry["text"].strip()
    for option in question.options:
        option.feedback[language] = options[option.id]["feedback"].strip()
        if question.type != "true_false":
            option.text[language] = options[option.id]["text"].strip()
    return True


def _key(value) -> str:
    """An option id; YAML reads an unquoted true or false as a boolean."""
    return str(value).lower() if isinstance(value, bool) else str(value)


def _yaml(source: str, path: Path, problems: list[Problem]):
    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problems.append(Problem(path, mark.line + 1 if mark else 0, f"not valid YAML: {error}"))
        return None
    if not isinstance(data, dict):
        problems.append(Problem(path, 1, "expected settings as name: value lines"))
        return None
    return data


def _line(source: str, near: str) -> int:
    offset = source.find(near) if near else -1
    return source.count("\n", 0, offset) + 1 if offset >= 0 else 1


def _text(value, limit: int) -> bool:
    return isinstance(value, str) and 0 < len(value.strip()) <= limit


def _whole(value, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
