"""What the content is once loaded: items of learning with their pages, leaflets, and the texts of
each in each language."""

from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from ..i18n import DEFAULT, LANGUAGES

KINDS = ("module", "briefing")
AUDIENCES = ("professional", "taxi_driver", "door_staff", "takeaway", "hotel", "off_licence")
COMPLETE, OUT_OF_DATE, MISSING = "complete", "out of date", "missing"


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.message}"


@dataclass
class Text:
    """One language's version of a page, an item's introduction or a leaflet."""

    language: str
    title: str
    summary: str
    html: Markup
    version: int  # for English, its version; for a translation, the English version it translates
    words: int


@dataclass(frozen=True)
class Shown:
    """The text a reader gets in a language: the translation, or English when there is none."""

    text: Text
    fallback: bool  # English shown because this language has no translation
    out_of_date: bool  # a translation of an older English version


@dataclass
class Translated:
    """Something written in English with translations: a page, an introduction or a leaflet."""

    texts: dict[str, Text] = field(default_factory=dict)

    @property
    def english(self) -> Text:
        return self.texts[DEFAULT]

    def status(self, language: str) -> str:
        text = self.texts.get(language)
        if text is None:
            return MISSING
        return OUT_OF_DATE if text.version < self.english.version else COMPLETE

    def shown(self, language: str) -> Shown:
        text = self.texts.get(language)
        if text is None:
            return Shown(self.english, fallback=language != DEFAULT, out_of_date=False)
        return Shown(text, fallback=False, out_of_date=text.version < self.english.version)

    def languages(self) -> list[str]:
        """Languages this is written in, including out-of-date translations."""
        return [code for code in LANGUAGES if code in self.texts]

    def words(self, language: str) -> int:
        return self.texts[language].words if language in self.texts else 0


@dataclass
class Page(Translated):
    slug: str = ""
    number: int = 0


@dataclass
class Item:
    slug: str
    kind: str
    audience: tuple[str, ...]
    duration: int
    intro: Translated
    pages: list[Page]
    quiz: str | None = None
    renewal_months: int | None = None

    def page(self, slug: str) -> Page | None:
        return next((page for page in self.pages if page.slug == slug), None)

    def status(self, language: str) -> str:
        statuses = {part.status(language) for part in (self.intro, *self.pages)}
        for status in (MISSING, OUT_OF_DATE):
            if status in statuses:
                return status
        return COMPLETE

    def languages(self) -> list[str]:
        """Languages in which every page can be read (perhaps a version behind the English)."""
        return [code for code in LANGUAGES if self.status(code) != MISSING]

    def words(self, language: str) -> int:
        return sum(part.texts[language].words for part in (self.intro, *self.pages)
                   if language in part.texts)


@dataclass
class Leaflet(Translated):
    slug: str = ""


@dataclass
class Course(Translated):
    """A face-to-face course: its description here, its sessions in the database."""

    slug: str = ""
    level: int = 1
    hours: float = 1
    audience: tuple[str, ...] = ()
    late_minutes: int = 15  # arriving later than this is not attendance


@dataclass
class Catalogue:
    items: dict[str, Item] = field(default_factory=dict)
    leaflets: dict[str, Leaflet] = field(default_factory=dict)
    quizzes: dict = field(default_factory=dict)  # slug -> quizzes.Quiz
    courses: dict[str, Course] = field(default_factory=dict)
    surveys: dict = field(default_factory=dict)  # slug -> surveys.Survey
    problems: list[Problem] = field(default_factory=list)

    def for_audience(self, audience: str | None) -> list[Item]:
        """Level 1 first, then the briefings in the order of their audiences."""
        items = [item for item in self.items.values() if not audience or audience in item.audience]
        return sorted(items, key=lambda item: (
            KINDS.index(item.kind), AUDIENCES.index(item.audience[0]), item.slug))
