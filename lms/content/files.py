"""Reading the files under content/: front matter, Markdown, item settings and links, each checked.

A file with a problem is reported with its path and line, and left out; broken English loses the
whole item, a broken translation only that translation.
"""

import re
from pathlib import Path

import yaml

from ..i18n import DEFAULT, LANGUAGES
from . import markup
from .model import (
    AUDIENCES,
    KINDS,
    Catalogue,
    Course,
    Item,
    Leaflet,
    Page,
    Problem,
    Text,
    Translated,
)
from .quizzes import load_quizzes
from .surveys import load_surveys

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PAGE_FILE = re.compile(r"^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
ITEM_KEYS = {"kind", "audience", "duration", "quiz", "renewal_months"}
TITLE_LENGTH = 150
SUMMARY_LENGTH = 300


def load(root: Path, mash_phone: str) -> Catalogue:
    """Read, check and render everything under root."""
    catalogue = Catalogue()
    learning, leaflets = root / "learning", root / "leaflets"
    for folder in sorted(learning.iterdir()) if learning.is_dir() else ():
        if folder.is_dir():
            item = _load_item(folder, mash_phone, catalogue.problems)
            if item:
                catalogue.items[item.slug] = item
    for folder in sorted(leaflets.iterdir()) if leaflets.is_dir() else ():
        if folder.is_dir():
            leaflet = _load_leaflet(folder, mash_phone, catalogue.problems)
            if leaflet:
                catalogue.leaflets[leaflet.slug] = leaflet
    courses = root / "courses"
    for folder in sorted(courses.iterdir()) if courses.is_dir() else ():
        if folder.is_dir():
            course = _load_course(folder, mash_phone, catalogue.problems)
            if course:
                catalogue.courses[course.slug] = course
    catalogue.quizzes = load_quizzes(root / "quizzes", catalogue.problems)
    catalogue.surveys = load_surveys(root / "surveys", catalogue.problems)
    for item in catalogue.items.values():
        if item.quiz and item.quiz not in catalogue.quizzes:
            catalogue.problems.append(Problem(
                root / "learning" / item.slug / "item.yaml", 1, f"no knowledge check {item.quiz}"))
    _check_links(root, catalogue)
    return catalogue


def _load_item(folder: Path, mash_phone: str, problems: list[Problem]) -> Item | None:
    before = len(problems)
    if not SLUG.match(folder.name):
        problems.append(Problem(folder, 0, "a slug is lower-case letters, digits and hyphens"))
        return None
    settings = _read_item_yaml(folder / "item.yaml", problems)
    english = folder / DEFAULT
    if not english.is_dir():
        problems.append(Problem(english, 0, "the English text is missing"))
    if settings is None or len(problems) > before:
        return None

    intro = Translated()
    pages: dict[str, Page] = {}
    numbers: dict[int, str] = {}
    english_problems = len(problems)
    for path in sorted(english.iterdir()):
        if path.name == "index.md":
            continue
        match = PAGE_FILE.match(path.name)
        if not match:
            problems.append(Problem(path, 0, "a page file is named NN-page-slug.md"))
            continue
        number, slug = int(match.group(1)), match.group(2)
        if number in numbers:
            problems.append(Problem(path, 0, f"page number {number:02} is also {numbers[number]}"))
            continue
        numbers[number] = path.name
        pages[slug] = Page(slug=slug, number=number)
    english_problems = len(problems) - english_problems

    for language in LANGUAGES:
        directory = folder / language
        if not directory.is_dir():
            continue
        for path in sorted(directory.iterdir()):
            match = PAGE_FILE.match(path.name)
            target = pages.get(match.group(2)) if match else None
            if path.name == "index.md":
                target = intro
            if target is None:
                problems.append(Problem(path, 0, "not a page of the English text"))
                continue
            text = _read_text(path, language, mash_phone, problems, summary=target is intro)
            if text:
                target.texts[language] = text
    for path in folder.iterdir():
        if path.is_dir() and path.name not in LANGUAGES:
            problems.append(Problem(path, 0, f"{path.name!r} is not one of the languages"))

    if DEFAULT not in intro.texts:
        problems.append(Problem(english / "index.md", 0, "the English introduction is missing"))
    if not pages:
        problems.append(Problem(english, 0, "an item needs at least one page"))
    # A broken translation only loses that translation; broken English loses the item.
    if english_problems or DEFAULT not in intro.texts or not pages:
        return None
    if any(DEFAULT not in page.texts for page in pages.values()):
        return None
    _drop_newer_translations([intro, *pages.values()], folder, problems)
    return Item(
        slug=folder.name,
        intro=intro,
        pages=sorted(pages.values(), key=lambda page: page.number),
        **settings,
    )


def _read_item_yaml(path: Path, problems: list[Problem]) -> dict | None:
    data = _yaml(path.read_text("utf-8") if path.is_file() else None, path, 1, problems)
    if data is None:
        return None
    found = []
    unknown = set(data) - ITEM_KEYS
    if unknown:
        found.append(f"unknown settings: {', '.join(sorted(unknown))}")
    if data.get("kind") not in KINDS:
        found.append(f"kind must be one of {', '.join(KINDS)}")
    audience = data.get("audience")
    if not isinstance(audience, list) or not audience or set(audience) - set(AUDIENCES):
        found.append(f"audience must be a list of {', '.join(AUDIENCES)}")
    if not _whole(data.get("duration"), 1, 600):
        found.append("duration must be a number of minutes from 1 to 600")
    if "renewal_months" in data and not _whole(data["renewal_months"], 1, 120):
        found.append("renewal_months must be a number of months from 1 to 120")
    if "quiz" in data and not (isinstance(data["quiz"], str) and SLUG.match(data["quiz"])):
        found.append("quiz must be the slug of a knowledge check")
    problems.extend(Problem(path, 1, message) for message in found)
    if found:
        return None
    data["audience"] = tuple(audience)
    return data


def _load_leaflet(folder: Path, mash_phone: str, problems: list[Problem],
                  leaflet: Leaflet | None = None) -> Leaflet | None:
    """A leaflet, or anything else written as one <language>.md per language (a course)."""
    if not SLUG.match(folder.name):
        problems.append(Problem(folder, 0, "a slug is lower-case letters, digits and hyphens"))
    leaflet = leaflet or Leaflet(slug=folder.name)
    for path in sorted(folder.iterdir()):
        if path.name == "course.yaml":
            continue
        language = path.name.removesuffix(".md")
        if path.suffix != ".md" or language not in LANGUAGES:
            problems.append(Problem(path, 0, "a leaflet file is named <language>.md"))
            continue
        text = _read_text(path, language, mash_phone, problems, summary=True)
        if text:
            leaflet.texts[language] = text
    if DEFAULT not in leaflet.texts:
        problems.append(Problem(folder / "en.md", 0, "the English leaflet is missing"))
    if DEFAULT not in leaflet.texts or not SLUG.match(folder.name):
        return None
    _drop_newer_translations([leaflet], folder, problems)
    return leaflet


def _load_course(folder: Path, mash_phone: str, problems: list[Problem]) -> Course | None:
    path = folder / "course.yaml"
    data = _yaml(path.read_text("utf-8") if path.is_file() else None, path, 1, problems)
    if data is None:
        return None
    audience = data.get("audience")
    if (set(data) != {"level", "hours", "audience", "late_minutes"}
            or not _whole(data["level"], 1, 3) or not _whole(data["late_minutes"], 0, 120)
            or not isinstance(data["hours"], int | float) or not 0 < data["hours"] <= 40
            or not isinstance(audience, list) or not audience or set(audience) - set(AUDIENCES)):
        problems.append(Problem(path, 1, "a course has level (1-3), hours (up to 40), audience "
                                         "and late_minutes (0-120)"))
        return None
    course = Course(slug=folder.name, level=data["level"], hours=data["hours"],
                    audience=tuple(audience), late_minutes=data["late_minutes"])
    return _load_leaflet(folder, mash_phone, problems, course)


def _read_text(
    path: Path, language: str, mash_phone: str, problems: list[Problem], summary: bool
) -> Text | None:
    """One Markdown file with its front matter, or None (with problems) if it cannot be shown."""
    source = path.read_text("utf-8")
    if not source.startswith("---\n") or "\n---\n" not in source[3:]:
        problems.append(Problem(path, 1, "a file starts with front matter between --- lines"))
        return None
    head, body = source[4:].split("\n---\n", 1)
    body_line = head.count("\n") + 4  # the line on which the body starts
    data = _yaml(head, path, 2, problems)
    if data is None:
        return None
    version_key = "version" if language == DEFAULT else "translates"
    expected = {"title", version_key} | ({"summary"} if summary else set())
    found = []
    if set(data) != expected:
        found.append(f"front matter must have exactly: {', '.join(sorted(expected))}")
    title, short = data.get("title"), data.get("summary", "")
    if not isinstance(title, str) or not 0 < len(title.strip()) <= TITLE_LENGTH:
        found.append(f"title must be text of 1 to {TITLE_LENGTH} characters")
    if not isinstance(short, str) or len(short) > SUMMARY_LENGTH:
        found.append(f"summary must be text of up to {SUMMARY_LENGTH} characters")
    if not _whole(data.get(version_key), 1, 10_000):
        found.append(f"{version_key} must be a whole number from 1")
    problems.extend(Problem(path, 2, message) for message in found)
    body_problems = [Problem(path, body_line + line, message)
                     for line, message in markup.problems(body)]
    problems.extend(body_problems)
    if found or body_problems:
        return None
    return Text(
        language=language,
        title=title.strip(),
        summary=short.strip(),
        html=markup.render(body, mash_phone, LANGUAGES[language].direction),
        version=data[version_key],
        words=len(re.findall(r"\w+", f"{title} {short} {body}")),
    )


def _yaml(source: str | None, path: Path, first_line: int, problems: list[Problem]) -> dict | None:
    if source is None:
        problems.append(Problem(path, 0, "file is missing"))
        return None
    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + (mark.line if mark else 0)
        problems.append(Problem(path, line, f"not valid YAML: {getattr(error, 'problem', error)}"))
        return None
    if not isinstance(data, dict):
        problems.append(Problem(path, first_line, "expected settings as name: value lines"))
        return None
    return data


def _whole(value, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _drop_newer_translations(parts: list[Translated], folder: Path, problems: list[Problem]):
    """A translation cannot translate an English version that does not exist yet."""
    for part in parts:
        for language, text in list(part.texts.items()):
            if text.version > part.english.version:
                problems.append(Problem(folder / language, 0, (
                    f"'{text.title}' translates version {text.version}, "
                    f"but the English is version {part.english.version}")))
                del part.texts[language]


def _check_links(root: Path, catalogue: Catalogue) -> None:
    """Every internal link must lead to an item, a page of it, or a leaflet that exists."""
    for path in sorted(root.rglob("*.md")):
        if path.name == "README.md":
            continue
        source = path.read_text("utf-8")
        for line, target in markup.links(source):
            if not _link_exists(target, catalogue):
                catalogue.problems.append(Problem(path, line + 1, f"link to nothing: {target}"))


def _link_exists(target: str, catalogue: Catalogue) -> bool:
    if target.startswith(("https://", "mailto:")):
        return True
    parts = target.strip("/").split("/")
    if target.startswith("/learning/") and len(parts) in (2, 3):
        item = catalogue.items.get(parts[1])
        return item is not None and (len(parts) == 2 or item.page(parts[2]) is not None)
    if target.startswith("/leaflets/") and len(parts) == 2:
        return parts[1] in catalogue.leaflets
    return False


# Loaded once per content folder, change of its files and MASH number: tests and the debug
# server reload only when a file changed.
