"""The A4 poster a school puts up after the drama: its code, the address and a QR code."""

from pathlib import Path

import segno
import weasyprint
from flask import render_template

STYLE = Path(__file__).parent / "templates" / "surveys" / "poster.css"


def poster(school, survey_title: str, address: str) -> bytes:
    qr = segno.make(address, error="m").svg_data_uri(scale=8, border=2)
    html = render_template("surveys/poster.html", school=school, title=survey_title,
                           address=address, qr=qr)
    return weasyprint.HTML(string=html).write_pdf(stylesheets=[weasyprint.CSS(filename=str(STYLE))])
