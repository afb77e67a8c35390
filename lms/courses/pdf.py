"""Leaflets on A4 paper: WeasyPrint, with a QR code back to the leaflet on the site."""

from pathlib import Path

import segno
import weasyprint
from flask import render_template
from flask_babel import get_locale

from ..content import Leaflet
from ..i18n import Language

STYLE = Path(__file__).parent / "templates" / "learning" / "leaflet_pdf.css"
# A PDF takes half a second or more to make: keep the last ones made, per text and language.
_made: dict[tuple, bytes] = {}
KEEP = 64


def leaflet(leaflet: Leaflet, language: Language, address: str) -> bytes:
    shown = leaflet.shown(language.code)
    key = (leaflet.slug, language.code, str(get_locale()), id(shown.text), address)
    if key not in _made:
        if len(_made) >= KEEP:
            _made.clear()
        qr = segno.make(address, error="m").svg_data_uri(scale=4, border=2)
        html = render_template(
            "learning/leaflet_pdf.html",
            leaflet=leaflet, shown=shown, language=language, address=address, qr=qr,
        )
        _made[key] = weasyprint.HTML(string=html).write_pdf(
            stylesheets=[weasyprint.CSS(filename=str(STYLE))]
        )
    return _made[key]
