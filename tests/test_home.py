"""The home page routes each kind of visitor; the help page lists only REFERENCE.md's numbers."""

import re


def test_home_routes_every_kind_of_visitor(client):
    body = client.get("/").get_data(as_text=True)
    for words in ("taxi", "work with children", "young person", "parent or carer", "co-ordinate"):
        assert words in body
    assert 'href="/register?job=taxi_driver"' in body
    assert 'href="/help"' in body


def test_help_page_has_exit_this_page_and_the_right_numbers(client, app):
    body = client.get("/help").get_data(as_text=True)
    assert "govuk-exit-this-page" in body
    allowed = {"999", "101", "116000", "08001111", "08088005000", "0800555111"}
    allowed.add(app.config["LMS_MASH_PHONE"].replace(" ", ""))
    dialled = set(re.findall(r'href="tel:([0-9]+)"', body))
    assert dialled == allowed


def test_no_crown_or_crown_copyright(client):
    body = client.get("/").get_data(as_text=True)
    assert "Crown copyright" not in body and "govuk-header__logotype" not in body
    assert "Test Safeguarding Partnership" in body and "help@example.org" in body


def test_phone_numbers_stay_left_to_right_on_urdu_pages(client):
    body = client.get("/?lang=ur").get_data(as_text=True)
    assert '<span class="lms-phone" dir="ltr">01234 567890</span>' in body
    help_page = client.get("/help?lang=ur").get_data(as_text=True)
    assert 'class="govuk-link lms-phone" dir="ltr" href="tel:116000">116 000<' in help_page
