"""A certificate on A4 paper, in the learner's language, with a QR code to its verification page."""

from pathlib import Path

import segno
import weasyprint
from flask import render_template

STYLE = Path(__file__).parent / "templates" / "certificates" / "certificate_pdf.css"


def certificate(certificate, title: str, standing, address: str, attendance: bool) -> bytes:
    qr = segno.make(address, error="m").svg_data_uri(scale=4, border=2)
    html = render_template("certificates/certificate_pdf.html", certificate=certificate,
                           title=title, standing=standing, address=address, qr=qr,
                           attendance=attendance)
    return weasyprint.HTML(string=html).write_pdf(stylesheets=[weasyprint.CSS(filename=str(STYLE))])
