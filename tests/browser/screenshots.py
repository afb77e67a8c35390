"""Screenshots for the README (home, learning, a briefing in Polish, the Urdu leaflet, a
certificate's public page): `make screenshots`."""

import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from sqlalchemy import select
from werkzeug.serving import make_server

from lms import create_app
from lms.certificates.models import Certificate
from lms.extensions import db
from tests.browser.conftest import CHROMIUM_ARGS, chromium_path
from tests.conftest import make_config

SHOTS = [
    ("home", "/", "en", 1024),
    ("home", "/", "ur", 1024),
    ("home", "/", "ur", 360),
    ("learning", "/learning", "en", 1024),
    ("taxi-briefing", "/learning/taxi-drivers/signs", "pl", 360),
    ("leaflet-young-people", "/leaflets/young-people", "ur", 1024),
    ("leaflet-young-people", "/leaflets/young-people", "ur", 360),
    ("verify", "/verify/{code}", "lt", 360),
]


def demo_certificate() -> str:
    """A driver with a certificate, for the verification page."""
    from lms import demo

    demo.load("screenshots-only")
    return db.session.scalar(select(Certificate.code))


def main(folder: str) -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(make_config(f"sqlite:///{tmp}/shots.sqlite", TESTING=False))
        with app.app_context():
            db.create_all()
            code = demo_certificate()
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_ARGS
            )
            for name, path, lang, width in SHOTS:
                page = browser.new_page(viewport={"width": width, "height": 800})
                page.goto(f"{base}{path.format(code=code)}?lang={lang}")
                page.screenshot(path=str(out / f"{name}-{lang}-{width}.png"), full_page=True)
                page.close()
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs")
