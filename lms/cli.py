"""flask commands: demo data and the mail outbox."""

import click
from flask import Flask
from flask_migrate import upgrade

from . import demo
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

    outbox = click.Group("outbox", help="The mail outbox.")
    app.cli.add_command(outbox)

    @outbox.command("send")
    @click.option("--limit", default=500, show_default=True, help="Most mails to send this run.")
    def outbox_send(limit: int) -> None:
        """Deliver queued mail; failures are retried later with backoff."""
        sent, failed = notify.send_pending(limit)
        click.echo(f"sent {sent}, failed {failed}")
