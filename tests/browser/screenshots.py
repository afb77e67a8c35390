"""Screenshots for the README (home, learning, a briefing in Polish, the Urdu leaflet, a
certificate's public page, the questionnaire in Russian and Urdu, a trainer's register, a
co-ordinator's session): `make screenshots`."""

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

PASSWORD = "screenshots-only"
SHOTS = [  # name, path, language, width, who is signed in
    ("home", "/", "en", 1024, None),
    ("home", "/", "ur", 1024, None),
    ("home", "/", "ur", 360, None),
    ("learning", "/learning", "en", 1024, None),
    ("taxi-briefing", "/learning/taxi-drivers/signs", "pl", 360, None),
    ("leaflet-young-people", "/leaflets/young-people", "ur", 1024, None),
    ("leaflet-young-people", "/leaflets/young-people", "ur", 360, None),
    ("verify", "/verify/{code}", "lt", 360, None),
    ("survey", "/survey/DEMO", "ru", 360, None),
    ("survey-form", "/survey/DEMO/after", "ur", 360, None),
    ("register", "/registers/{register}", "en", 375, "trainer@example.org"),
    ("session", "/sessions/{full}", "en", 1024, "coordinator@example.org"),
]


def demo_ids() -> dict:
    """The demo's certificate, the session under way (its register) and the full session."""
    from lms import demo
    from lms.bookings.models import CourseSession
    from lms.bookings.services import now

    demo.load(PASSWORD)
    sessions = db.session.scalars(select(CourseSession).order_by(CourseSession.id)).all()
    return {
        "code": db.session.scalar(select(Certificate.code)),
        "register": next(s.id for s in sessions if s.starts_at <= now() < s.ends_at),
        "full": next(s.id for s in sessions if s.taken == s.capacity and s.starts_at > now()),
    }


def main(folder: str) -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(make_config(f"sqlite:///{tmp}/shots.sqlite", TESTING=False))
        with app.app_context():
            db.create_all()
            ids = demo_ids()
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_ARGS
            )
            for name, path, lang, width, email in SHOTS:
                page = browser.new_page(viewport={"width": width, "height": 800})
                if email:
                    page.goto(f"{base}/sign-in")
                    page.locator("#email").fill(email)
                    page.locator("#password").fill(PASSWORD)
                    page.locator("main form [type=submit]").click()
                page.goto(f"{base}{path.format(**ids)}?lang={lang}")
                page.screenshot(path=str(out / f"{name}-{lang}-{width}.png"), full_page=True)
                page.close()
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs")
