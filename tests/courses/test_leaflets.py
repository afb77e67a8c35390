"""Leaflets for young people and parents: on screen for everyone, and as A4 PDFs by language."""

import re
import shutil
import subprocess
import unicodedata

import pytest
from flask import current_app

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")


def leaflet(slug):
    return current_app.extensions["lms.content"].leaflets[slug]


def test_the_young_peoples_leaflet_has_exit_and_who_to_talk_to_in_every_language(client):
    for code in leaflet("young-people").languages():
        html = client.get(f"/leaflets/young-people?lang={code}").get_data(as_text=True)
        assert "govuk-exit-this-page" in html, code
        assert 'href="tel:116000"' in html and 'href="tel:08001111"' in html, code
        assert leaflet("young-people").shown(code).text.title in html, code
        assert f'/leaflets/young-people.pdf?lang={code}' in html, code


def test_the_parents_leaflet_and_the_list(client):
    html = client.get("/leaflets/parents-carers").get_data(as_text=True)
    assert leaflet("parents-carers").english.title in html
    assert "govuk-exit-this-page" not in html
    assert 'href="/leaflets/young-people"' in html  # its link to the young people's leaflet
    html = client.get("/leaflets").get_data(as_text=True)
    assert "/leaflets/young-people" in html and "/leaflets/parents-carers" in html


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "leaflet.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                          check=True, capture_output=True, text=True).stdout
    return unicodedata.normalize("NFKC", text)


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", unicodedata.normalize("NFKC", text)))


@needs_poppler
@pytest.mark.parametrize("code", ["en", "pl", "ru", "lt", "lv", "ur"])
def test_pdf_in_each_language_reads_back_with_its_own_letters(client, tmp_path, code):
    response = client.get(f"/leaflets/young-people.pdf?lang={code}")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF-")
    text = pdf_text(response.data, tmp_path)
    title = leaflet("young-people").shown(code).text.title
    # Every word of the title, with its accents or Urdu letters, is in the text layer.
    assert words(title) <= words(text), (title, text[:300])
    assert "116 000" in text and "0800 1111" in text
    assert f"/leaflets/young-people?lang={code}" in text  # under the QR code


@needs_poppler
def test_parents_pdf_prints_the_local_mash_number(client, tmp_path):
    text = pdf_text(client.get("/leaflets/parents-carers.pdf?lang=pl").data, tmp_path)
    assert current_app.config["LMS_MASH_PHONE"] in text
    assert "0808 800 5000" in text


def test_pdf_for_a_language_without_the_leaflet_falls_back_to_english(client):
    text = leaflet("parents-carers")
    polish = text.texts.pop("pl", None)
    try:
        response = client.get("/leaflets/parents-carers.pdf?lang=pl")
    finally:
        if polish:
            text.texts["pl"] = polish
    assert response.status_code == 200
    assert 'filename="parents-carers-en.pdf"' in response.headers["Content-Disposition"]
