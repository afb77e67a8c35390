"""Screenshots of the home page in English and Urdu for the README: `make screenshots`."""

import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from lms import create_app
from lms.extensions import db
from tests.browser.conftest import CHROMIUM_ARGS, chromium_path
from tests.conftest import make_config


def main(folder: str) -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(make_config(f"sqlite:///{tmp}/shots.sqlite", TESTING=False))
        with app.app_context():
            db.create_all()
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_ARGS
            )
            for lang, size in [("en", (1024, 900)), ("ur", (1024, 900)), ("ur", (360, 800))]:
                page = browser.new_page(viewport={"width": size[0], "height": size[1]})
                page.goto(f"{base}/?lang={lang}")
                page.screenshot(path=str(out / f"home-{lang}-{size[0]}.png"), full_page=True)
                page.close()
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs")
