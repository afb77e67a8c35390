"""Reading online learning: where each learner is, and recording the pages they read."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from ..content import Item, Page
from ..extensions import db
from .models import PageRead, Progress, Status


@dataclass(frozen=True)
class Standing:
    """A learner's standing on one item."""

    status: Status
    read: frozenset[str]  # slugs of the item's pages read
    resume: str | None  # the page to continue from
    completed_at: datetime | None = None

    def is_read(self, page: Page) -> bool:
        return page.slug in self.read


NOT_STARTED = Standing(Status.NOT_STARTED, frozenset(), None)


def standings(user, items: list[Item]) -> dict[str, Standing]:
    """Each item's standing for this learner, in two queries whatever the number of items."""
    if user is None or not items:
        return {item.slug: NOT_STARTED for item in items}
    slugs = [item.slug for item in items]
    progress = {
        row.item: row
        for row in db.session.scalars(
            select(Progress).where(Progress.user_id == user.id, Progress.item.in_(slugs))
        )
    }
    read: dict[str, set[str]] = {}
    for item_slug, page in db.session.execute(
        select(PageRead.item, PageRead.page).where(
            PageRead.user_id == user.id, PageRead.item.in_(slugs)
        )
    ):
        read.setdefault(item_slug, set()).add(page)
    return {item.slug: _standing(item, progress.get(item.slug), read.get(item.slug, set()))
            for item in items}


def standing(user, item: Item) -> Standing:
    return standings(user, [item])[item.slug]


def _standing(item: Item, progress: Progress | None, read: set[str]) -> Standing:
    if progress is None:
        return NOT_STARTED
    current = frozenset(page.slug for page in item.pages) & read
    resume = progress.resume_page if item.page(progress.resume_page or "") else None
    if progress.completed_at:
        return Standing(Status.COMPLETED, current, resume, progress.completed_at)
    if resume is None:
        unread = [page.slug for page in item.pages if page.slug not in current]
        resume = unread[0] if unread else item.pages[0].slug
    return Standing(Status.IN_PROGRESS, current, resume)


def following(item: Item, page: Page) -> Page | None:
    index = item.pages.index(page)
    return item.pages[index + 1] if index + 1 < len(item.pages) else None


def preceding(item: Item, page: Page) -> Page | None:
    index = item.pages.index(page)
    return item.pages[index - 1] if index > 0 else None


def record_read(user, item: Item, page: Page) -> Standing:
    """The learner read this page and moved on: resume after it; complete when all are read.

    Inserts ignore duplicates, so a double click or two tabs cannot fail or count twice.
    """
    next_page = following(item, page)
    _insert_new(PageRead, user_id=user.id, item=item.slug, page=page.slug,
                version=page.english.version)
    _insert_new(Progress, user_id=user.id, item=item.slug)
    db.session.execute(
        update(Progress)
        .where(Progress.user_id == user.id, Progress.item == item.slug)
        .values(resume_page=next_page.slug if next_page else page.slug)
    )
    read = db.session.scalar(
        select(func.count()).select_from(PageRead).where(
            PageRead.user_id == user.id,
            PageRead.item == item.slug,
            PageRead.page.in_([p.slug for p in item.pages]),
        )
    )
    if read == len(item.pages):
        db.session.execute(
            update(Progress)
            .where(Progress.user_id == user.id, Progress.item == item.slug,
                   Progress.completed_at.is_(None))
            .values(completed_at=func.now())
        )
    db.session.commit()
    return standing(user, item)


def _insert_new(model, **values) -> None:
    dialect = postgresql if db.session.get_bind().dialect.name == "postgresql" else sqlite
    db.session.execute(dialect.insert(model).values(**values).on_conflict_do_nothing())
