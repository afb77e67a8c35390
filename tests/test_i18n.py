"""Eight languages: choosing one, remembering it, direction, complete catalogues and plurals."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from flask_babel import force_locale, ngettext

from lms.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
TRANSLATED = [code for code in LANGUAGES if code != "en"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def html_tag(body: str) -> str:
    return re.search(r"<html[^>]*>", body).group(0)


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_lang_parameter_sets_html_lang_and_dir(client, code):
    body = client.get(f"/?lang={code}").get_data(as_text=True)
    direction = "rtl" if code == "ur" else "ltr"
    assert f'lang="{code}" dir="{direction}"' in html_tag(body)


def test_choice_is_remembered_in_a_cookie(client):
    client.get("/?lang=lt")
    assert 'lang="lt"' in html_tag(client.get("/sign-in").get_data(as_text=True))


def test_accept_language_then_english(client):
    body = client.get("/", headers={"Accept-Language": "sk-SK,sk;q=0.9,en;q=0.5"})
    assert 'lang="sk"' in html_tag(body.get_data(as_text=True))
    assert 'lang="en"' in html_tag(client.get("/").get_data(as_text=True))


def test_unknown_language_code_is_english_without_error(client):
    response = client.get("/?lang=xx")
    assert response.status_code == 200
    assert 'lang="en" dir="ltr"' in html_tag(response.get_data(as_text=True))


def test_choice_is_saved_to_the_profile_when_signed_in(app, client, signed_in):
    user = signed_in()
    client.get("/?lang=pt")
    assert user.language == "pt"
    elsewhere = app.test_client()  # another device: no language cookie
    elsewhere.post("/sign-in", data={"email": user.email, "password": "correct horse battery"})
    assert 'lang="pt"' in html_tag(elsewhere.get("/").get_data(as_text=True))


def test_urdu_loads_the_rtl_styles_and_font_only_on_urdu_pages(client):
    assert "rtl.css" in client.get("/?lang=ur").get_data(as_text=True)
    assert "rtl.css" not in client.get("/?lang=pl").get_data(as_text=True)
    rtl = (ROOT / "static/css/rtl.css").read_text()
    assert "Noto Nastaliq Urdu" in rtl
    assert "Noto Nastaliq" not in (ROOT / "static/css/app.css").read_text()


def test_language_navigation_names_each_language_in_itself(client):
    body = client.get("/?lang=ru&x=1").get_data(as_text=True)
    for code, language in LANGUAGES.items():
        if code == "ru":
            assert f'lang="ru" dir="ltr" aria-current="true">{language.name}<' in body
        else:
            link = f'hreflang="{code}" lang="{code}" dir="{language.direction}">{language.name}<'
            assert link in body
    assert "/?lang=pl&amp;x=1" in body  # other parameters kept


def test_library_english_is_translated(client):
    """GOV.UK's hard-coded "There is a problem", "Skip to main content" and "Error:"."""
    body = client.post("/sign-in?lang=pl", data={}).get_data(as_text=True)
    for english in ("There is a problem", "Skip to main content", ">Error:<", "Error:"):
        assert english not in body
    assert "govuk-error-summary" in body and "govuk-visually-hidden" in body


@pytest.mark.parametrize("code", TRANSLATED)
def test_catalogue_is_complete(code):
    path = ROOT / "translations" / code / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    problems = []
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        if message.fuzzy or not all(strings):
            problems.append(f"missing or fuzzy: {ids[0]!r}")
            continue
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            if set(PLACEHOLDER.findall(string)) != wanted:
                problems.append(f"placeholders differ: {ids[0]!r}")
        if len(ids[0]) > 15 and strings[0] == ids[0]:
            problems.append(f"not translated: {ids[0]!r}")
    assert not problems, "\n".join(problems)


def test_catalogues_hold_every_string_in_the_code(tmp_path):
    """A new string without translations fails here: run `make translations`."""
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [Path(sys.executable).parent / "pybabel", "extract", "-F", "babel.cfg", "-k", "_l",
         "-o", str(pot), "--no-location", "."],
        cwd=ROOT, check=True, capture_output=True,
    )
    with pot.open("rb") as handle:
        wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    for code in TRANSLATED:
        with (ROOT / "translations" / code / "LC_MESSAGES" / "messages.po").open("rb") as handle:
            have = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
        assert not wanted - have, f"{code} lacks {sorted(wanted - have)[:5]}"


@pytest.mark.parametrize(
    "code, groups",
    [
        # numbers in the same tuple take the same form; each tuple a different one
        ("pl", ((1,), (2, 22), (5, 25))),
        ("ru", ((1, 21), (2, 3), (5, 11))),
        ("lt", ((1, 21), (2, 9), (10, 12))),
        ("lv", ((1, 21), (2, 11))),  # Latvian's zero form may read like the plural
        ("sk", ((1,), (2, 4), (5,))),
    ],
)
def test_plural_forms_follow_cldr(app, code, groups):
    with app.test_request_context(), force_locale(code):
        forms = [
            {ngettext("%(num)d person found", "%(num)d people found", n).replace(str(n), "#")
             for n in group}
            for group in groups
        ]
    assert all(len(form) == 1 for form in forms), forms
    words = [form.pop() for form in forms]
    assert len(set(words)) == len(words), words
    assert "# people found" not in words


def test_typed_text_keeps_its_own_direction(client):
    body = client.get("/register?lang=ur").get_data(as_text=True)
    for field in ("name", "email", "licence_number", "licensing_authority"):
        tag = re.search(rf'<input[^>]*id="{field}"[^>]*>', body).group(0)
        assert 'dir="auto"' in tag, field
