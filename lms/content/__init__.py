"""The learning content under content/: loaded and validated once into an in-memory catalogue.

Items (Level 1 modules and night-time economy briefings) and leaflets are files, so editors and
translators work without touching code (content/README.md). The database keeps only their slugs.
A file with a problem is left out and reported; the running site never fails because of content.
"""

from pathlib import Path

from flask import Flask, current_app

from . import markup
from .files import load
from .model import (
    AUDIENCES,
    COMPLETE,
    KINDS,
    MISSING,
    OUT_OF_DATE,
    Catalogue,
    Course,
    Item,
    Leaflet,
    Page,
    Problem,
    Shown,
    Text,
    Translated,
)

__all__ = [
    "AUDIENCES", "COMPLETE", "KINDS", "MISSING", "OUT_OF_DATE", "Catalogue", "Course", "Item",
    "Leaflet",
    "Page", "Problem", "Shown", "Text", "Translated", "catalogue", "get", "init_app", "load",
    "markup",
]

# Loaded once per content folder, change of its files and MASH number: tests and the debug server
# reload only when a file changed.
_loaded: dict[tuple, Catalogue] = {}


def _fingerprint(root: Path) -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                        for p in root.rglob("*") if p.is_file()))


def get(root: Path, mash_phone: str) -> Catalogue:
    key = (str(root), mash_phone, _fingerprint(root))
    if key not in _loaded:
        _loaded.clear()
        _loaded[key] = load(root, mash_phone)
    return _loaded[key]


def init_app(app: Flask) -> None:
    catalogue = get(Path(app.config["LMS_CONTENT_DIR"]), app.config["LMS_MASH_PHONE"])
    app.extensions["lms.content"] = catalogue
    for problem in catalogue.problems:
        app.logger.warning("content: %s", problem)


def catalogue() -> Catalogue:
    """The content for this request; in debug mode, reloaded when a file changes."""
    if current_app.debug:
        config = current_app.config
        current_app.extensions["lms.content"] = get(
            Path(config["LMS_CONTENT_DIR"]), config["LMS_MASH_PHONE"])
    return current_app.extensions["lms.content"]
