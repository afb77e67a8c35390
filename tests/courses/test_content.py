"""The content loader and `flask content check`, on good and broken content folders."""

from pathlib import Path

import pytest

from lms import content, create_app
from lms.i18n import LANGUAGES
from tests.conftest import make_config

MASH = "01234 567890"


def page(title, version=1, body="Some text.\n", language="en", summary=None):
    key = "version" if language == "en" else "translates"
    head = f"title: {title}\n{key}: {version}\n" + (f"summary: {summary}\n" if summary else "")
    return f"---\n{head}---\n{body}"


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


def good_files() -> dict[str, str]:
    return {
        "learning/drivers/item.yaml": "kind: briefing\naudience: [taxi_driver]\nduration: 12\n",
        "learning/drivers/en/index.md": page("For drivers", summary="A short briefing."),
        "learning/drivers/en/01-what.md": page("What it is", body=(
            "## Signs\n\n- one\n- two\n  - nested\n\nCall [[tel:999]] or the MASH on [[mash]].\n\n"
            "See [the leaflet](/leaflets/young-people) and [page 2](/learning/drivers/who).\n")),
        "learning/drivers/en/02-who.md": page("Who to call", version=2),
        "learning/drivers/pl/index.md": page("Dla kierowców", language="pl", summary="Krótko."),
        "learning/drivers/pl/01-what.md": page("Co to jest", language="pl"),
        "learning/drivers/pl/02-who.md": page("Do kogo dzwonić", language="pl", version=1),
        "leaflets/young-people/en.md": page("Staying safe", summary="For you."),
        "leaflets/young-people/ur.md": page("محفوظ رہنا", language="ur", summary="آپ کے لیے"),
    }


def test_good_content_loads_with_statuses_and_rendered_pages(tmp_path):
    catalogue = content.load(write(tmp_path, good_files()), MASH)
    assert catalogue.problems == []
    item = catalogue.items["drivers"]
    assert [p.slug for p in item.pages] == ["what", "who"]
    assert item.audience == ("taxi_driver",)
    assert item.status("en") == content.COMPLETE
    assert item.status("pl") == content.OUT_OF_DATE  # page 2 translates version 1 of 2
    assert item.status("ru") == content.MISSING
    assert item.languages() == ["en", "pl"]
    html = item.pages[0].english.html
    assert "<h2>Signs</h2>" in html
    assert "<li>two<ul>\n<li>nested</li>" in html
    assert 'href="tel:999"' in html and 'href="tel:01234567890"' in html and 'dir="ltr"' in html
    assert "[[" not in html
    shown = item.pages[1].shown("pl")
    assert shown.text.title == "Do kogo dzwonić" and shown.out_of_date and not shown.fallback
    shown = item.pages[0].shown("ru")
    assert shown.text.language == "en" and shown.fallback
    leaflet = catalogue.leaflets["young-people"]
    assert leaflet.languages() == ["en", "ur"]
    assert catalogue.for_audience("taxi_driver") == [item]
    assert catalogue.for_audience("hotel") == []


def test_html_and_scripts_in_markdown_are_reported_and_never_rendered(tmp_path):
    files = good_files()
    files["learning/drivers/pl/01-what.md"] = page(
        "Co", language="pl", body="Text\n<script>alert(1)</script>\n[x](javascript:alert(1))\n")
    catalogue = content.load(write(tmp_path, files), MASH)
    messages = [str(p) for p in catalogue.problems]
    assert any("01-what.md:6: HTML is not allowed" in m for m in messages), messages
    assert any("link to nothing: javascript:alert(" in m for m in messages), messages
    # The broken translation is left out; the item and its English remain.
    assert "pl" not in catalogue.items["drivers"].pages[0].texts
    assert catalogue.items["drivers"].pages[0].shown("pl").fallback
    assert "<script" not in catalogue.items["drivers"].pages[0].english.html
    assert "javascript" not in content.markup.render("[x](javascript:alert(1))", MASH)


@pytest.mark.parametrize("name, text, expected", [
    ("learning/drivers/item.yaml", "kind: lecture\naudience: [taxi_driver]\nduration: 12\n",
     "item.yaml:1: kind must be one of module, briefing"),
    ("learning/drivers/item.yaml", "kind: briefing\naudience: [pilots]\nduration: 12\n",
     "item.yaml:1: audience must be a list of"),
    ("learning/drivers/item.yaml", "kind: briefing\naudience: [taxi_driver]\nduration: [\n",
     "item.yaml:4: not valid YAML"),
    ("learning/drivers/en/02-who.md", "no front matter\n", "02-who.md:1: a file starts with"),
    ("learning/drivers/en/02-who.md", "---\ntitle: [broken\nversion: 1\n---\nText\n",
     "02-who.md:3: not valid YAML"),
    ("learning/drivers/en/02-who.md", page("Who", body="Intro\n\n# Big\n"),
     "02-who.md:7: use ## headings"),
    ("learning/drivers/en/02-who.md", page("Who", body="Ring\n0800 123 4567 now\n"),
     "02-who.md:6: write the phone number as [[tel:0800 123 4567]]"),
    ("learning/drivers/en/02-who.md", page("Who", body="Ring [[tel:0800 123 4567]]\n"),
     "'0800 123 4567' is not a number the content may print"),
    ("learning/drivers/en/02-who.md", page("Who", body="- a\n   - b\n"),
     "02-who.md:6: indent a list inside a list by two spaces"),
    ("learning/drivers/en/02-who.md", page("Who", body="Ring [[phone]]\n"),
     "unknown code [[phone]]"),
    ("learning/drivers/en/02-who.md", page("Who", body="See [it](/learning/drivers/nope)\n"),
     "02-who.md:5: link to nothing: /learning/drivers/nope"),
    ("learning/drivers/en/02-who.md", page("Who", body="See [it](/leaflets/nope)\n"),
     "link to nothing: /leaflets/nope"),
    ("learning/drivers/en/2-who.md", page("Who"), "a page file is named NN-page-slug.md"),
    ("learning/drivers/en/01-again.md", page("Again"),
     "01-what.md: page number 01 is also 01-again.md"),
    ("learning/drivers/pl/03-extra.md", page("Extra", language="pl"),
     "not a page of the English text"),
    ("learning/drivers/xx/index.md", page("X"), "'xx' is not one of the languages"),
    ("learning/drivers/pl/02-who.md", page("Kto", language="pl", version=3),
     "translates version 3, but the English is version 2"),
    ("learning/drivers/en/02-who.md", "---\ntitle: Who\n---\nText\n",
     "front matter must have exactly: title, version"),
    ("learning/Bad_Slug/item.yaml", "kind: briefing\n", "a slug is lower-case letters"),
    ("leaflets/young-people/de.md", page("Sicher"), "a leaflet file is named <language>.md"),
])
def test_broken_content_is_reported_with_file_and_line(tmp_path, name, text, expected):
    files = good_files()
    files[name] = text
    catalogue = content.load(write(tmp_path, files), MASH)
    messages = [str(problem) for problem in catalogue.problems]
    assert any(expected in message for message in messages), messages


def test_an_item_with_broken_english_is_left_out_but_others_stay(tmp_path):
    files = good_files()
    files["learning/drivers/en/02-who.md"] = "no front matter\n"
    files["learning/hotels/item.yaml"] = "kind: briefing\naudience: [hotel]\nduration: 10\n"
    files["learning/hotels/en/index.md"] = page("Hotels", summary="For hotels.")
    files["learning/hotels/en/01-signs.md"] = page("Signs")
    catalogue = content.load(write(tmp_path, files), MASH)
    assert list(catalogue.items) == ["hotels"]
    assert any("link to nothing: /learning/drivers/who" in str(p) for p in catalogue.problems)


def run_check(root: Path, *args):
    app = create_app(make_config("sqlite://", LMS_CONTENT_DIR=str(root)))
    return app.test_cli_runner().invoke(args=["content", "check", *args])


def test_check_prints_the_table_and_fails_only_on_problems(tmp_path):
    root = write(tmp_path, good_files())
    result = run_check(root)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == list(LANGUAGES)
    assert lines[1].split() == ["learning/drivers", "ok", "old", "-", "-", "-", "-", "-", "-"]
    assert lines[2].split() == ["leaflets/young-people", "ok", "-", "-", "-", "-", "-", "-", "ok"]
    assert run_check(root, "--strict").exit_code == 1  # translations are missing
    lines = run_check(root, "--words").output.splitlines()
    words = lines[1].split()
    assert words[0] == "learning/drivers" and int(words[1]) > 20 and words[3] == "-"
    words = lines[2].split()
    assert words[0] == "leaflets/young-people" and int(words[1]) > 2 and words[2] == "-"

    (root / "learning/drivers/en/02-who.md").write_text("broken\n", "utf-8")
    result = run_check(root)
    assert result.exit_code == 1
    assert "learning/drivers/en/02-who.md:1: a file starts with front matter" in result.stderr


def test_the_real_content_is_clean_and_complete_in_every_language():
    result = run_check(Path(__file__).resolve().parents[2] / "content", "--strict")
    assert result.exit_code == 0, result.output + result.stderr


def test_latin_names_in_urdu_are_set_apart_so_brackets_stay_in_place():
    html = content.markup.render("یعنی CAFCASS (Children and Family)، A&E [[tel:999]]", MASH, "rtl")
    assert '<span dir="ltr">CAFCASS</span> (<span dir="ltr">Children and Family</span>)' in html
    assert '<span dir="ltr">A&amp;E</span>' in html and 'href="tel:999">999</a>' in html
    assert "<span" not in content.markup.render("Plain English (text)", MASH, "ltr")
