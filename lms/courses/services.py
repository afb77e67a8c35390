"""Reading online learning: where each learner is, and recording the pages they read."""

from dataclasses import dataclass
from datetime import UTC, datetime

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
    """The learner read this page and moved on: resume after it. An item without a knowledge
    check is complete when every page is read; one with a check, when the check is passed.

    Inserts ignore duplicates, so a double click or two tabs cannot fail or count twice; reading
    a page again moves its time on (a refresher, or re-reading after failed checks).
    """
    next_page = following(item, page)
    moment = now()
    table = _dialect().insert(PageRead).values(
        user_id=user.id, item=item.slug, page=page.slug, version=page.english.version,
        read_at=moment)
    db.session.execute(table.on_conflict_do_update(
        index_elements=["user_id", "item", "page"],
        set_={"read_at": moment, "version": page.english.version}))
    _insert_new(Progress, user_id=user.id, item=item.slug, started_at=moment)
    db.session.execute(
        update(Progress)
        .where(Progress.user_id == user.id, Progress.item == item.slug)
        .values(resume_page=next_page.slug if next_page else page.slug)
    )
    if not item.quiz and last_read_through(user, item):
        db.session.execute(
            update(Progress)
            .where(Progress.user_id == user.id, Progress.item == item.slug,
                   Progress.completed_at.is_(None))
            .values(completed_at=moment)
        )
    db.session.commit()
    return standing(user, item)


def last_read_through(user, item: Item) -> datetime | None:
    """When the learner last finished reading every page (the oldest of the latest reads)."""
    count, oldest = db.session.execute(
        select(func.count(), func.min(PageRead.read_at)).where(
            PageRead.user_id == user.id,
            PageRead.item == item.slug,
            PageRead.page.in_([p.slug for p in item.pages]),
        )
    ).one()
    return oldest if count == len(item.pages) else None


def complete(user, item: Item) -> None:
    """Mark the item completed now (its knowledge check was passed); the caller commits."""
    moment = now()
    _insert_new(Progress, user_id=user.id, item=item.slug, started_at=moment)
    db.session.execute(update(Progress).where(
        Progress.user_id == user.id, Progress.item == item.slug).values(completed_at=moment))


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _dialect():
    return postgresql if db.session.get_bind().dialect.name == "postgresql" else sqlite


def _insert_new(model, **values) -> None:
    db.session.execute(_dialect().insert(model).values(**values).on_conflict_do_nothing())
