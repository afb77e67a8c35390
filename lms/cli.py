"""flask commands: demo data, the content check and the mail outbox."""

from pathlib import Path

import click
from flask import Flask
from flask_migrate import upgrade

from . import content, demo
from .bookings import services as bookings
from .certificates import services as certificates
from .i18n import LANGUAGES
from .notify import services as notify


def register(app: Flask) -> None:
    @app.cli.command("demo")
    @click.option("--password", default=demo.DEFAULT_PASSWORD, show_default=True,
                  help="Password for every demo account.")
    def demo_command(password: str) -> None:
        """Create or upgrade the database, then load the demo data (safe to run again)."""
        upgrade()
        accounts = demo.load(password)
        click.echo(f"Demo accounts (password: {password}):")
        for email, role in accounts:
            click.echo(f"  {email:<28} {role}")
        click.echo("Questionnaire access codes (/survey/<code>):")
        for code, school in demo.survey_codes():
            click.echo(f"  {code:<8} {school}")

    outbox = click.Group("outbox", help="The mail outbox.")
    app.cli.add_command(outbox)

    @outbox.command("send")
    @click.option("--limit", default=500, show_default=True, help="Most mails to send this run.")
    def outbox_send(limit: int) -> None:
        """Deliver queued mail; failures are retried later with backoff."""
        sent, failed = notify.send_pending(limit)
        click.echo(f"sent {sent}, failed {failed}")

    @app.cli.command("reminders")
    @click.argument("action", type=click.Choice(["send"]))
    def reminders(action: str) -> None:
        """Queue reminders: certificates 30 and 7 days before they expire, and places on
        sessions five days before (run daily from cron)."""
        sent = certificates.send_reminders() + bookings.send_reminders()
        click.echo(f"queued {sent} reminders")

    content_group = click.Group("content", help="The learning content under content/.")
    app.cli.add_command(content_group)

    @content_group.command("check")
    @click.option("--words", is_flag=True, help="Show word counts instead of statuses.")
    @click.option("--strict", is_flag=True, help="Also fail on missing or old translations.")
    def content_check(words: bool, strict: bool) -> None:
        """Validate every file, and show each item's translations by language."""
        catalogue = content.load(Path(app.config["LMS_CONTENT_DIR"]), app.config["LMS_MASH_PHONE"])
        rows = [(f"learning/{slug}", item) for slug, item in catalogue.items.items()]
        rows += [(f"leaflets/{slug}", leaflet) for slug, leaflet in catalogue.leaflets.items()]
        rows += [(f"quizzes/{slug}", quiz) for slug, quiz in catalogue.quizzes.items()]
        rows += [(f"courses/{slug}", course) for slug, course in catalogue.courses.items()]
        rows += [(f"surveys/{slug}", survey) for slug, survey in catalogue.surveys.items()]
        mark = {content.COMPLETE: "ok", content.OUT_OF_DATE: "old", content.MISSING: "-"}
        width = max([len(name) for name, _ in rows] + [10])
        click.echo(" ".join([f"{'':<{width}}"] + [f"{code:>5}" for code in LANGUAGES]))
        incomplete = 0
        for name, thing in rows:
            cells = []
            for code in LANGUAGES:
                status = thing.status(code)
                incomplete += status != content.COMPLETE
                count = thing.words(code) if words else 0
                cells.append(f"{count if count else '-':>5}" if words else f"{mark[status]:>5}")
            click.echo(" ".join([f"{name:<{width}}"] + cells))
        if not words:
            click.echo("ok: complete, old: translates an older English version, -: missing")
        for problem in catalogue.problems:
            click.echo(str(problem), err=True)
        if catalogue.problems or (strict and incomplete):
            raise SystemExit(1)
