"""Markdown of the learning content: checked, rendered and sanitised once, when it is loaded."""

import re

import markdown
import nh3
from markupsafe import Markup, escape

# The only numbers the content may print (REFERENCE.md); the local MASH number is a setting.
PHONE_NUMBERS = ("999", "101", "0800 555 111", "116 000", "0800 1111", "0808 800 5000")

CODE = re.compile(r"\[\[([^\]\n]*)\]\]")
# A phone number typed as plain text, which would not be a link and would read backwards in Urdu.
BARE_PHONE = re.compile(r"(?<![\d:])(?:0\d{3} ?\d{3} ?\d{3,4}|116 ?000|999|101)(?![\d\]])")
HTML_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
LINK = re.compile(r"\]\(([^)\s]*)\)")
HEADING_1 = re.compile(r"^# ", re.MULTILINE)
# Editors indent a list inside a list by two spaces; Python-Markdown wants four.
NESTED_ITEM = re.compile(r"^((?:  )+)(?=(?:[-*+]|\d+\.) )", re.MULTILINE)
ODD_INDENT = re.compile(r"^(?:  )* (?=(?:[-*+]|\d+\.) )", re.MULTILINE)

# A run of Latin-script words (a name such as "CAFCASS (Children and Family Court ...)", a web
# address) inside right-to-left text, and the tags between runs of text.
LATIN_RUN = re.compile(r"[A-Za-z](?:[A-Za-z0-9'’.\-/ ]|&amp;)*[A-Za-z0-9]|[A-Za-z]")
TAG = re.compile(r"(<[^>]*>)")

ALLOWED_TAGS = {
    "h2", "h3", "h4", "p", "ul", "ol", "li", "strong", "em", "a", "blockquote", "br", "hr",
    "table", "thead", "tbody", "tr", "th", "td",
}


def problems(body: str) -> list[tuple[int, str]]:
    """What is wrong in a page's Markdown, as (line within the body, message)."""
    found = []
    without_codes = CODE.sub(lambda m: " " * len(m.group(0)), body)
    for match in CODE.finditer(body):
        code = match.group(1)
        if code == "mash":
            continue
        if code.startswith("tel:"):
            if code[4:] not in PHONE_NUMBERS:
                found.append((match.start(), f"{code[4:]!r} is not a number the content may print"))
            continue
        found.append((match.start(), f"unknown code [[{code}]]"))
    for match in BARE_PHONE.finditer(without_codes):
        found.append((match.start(), f"write the phone number as [[tel:{match.group(0)}]]"))
    for match in HTML_TAG.finditer(body):
        found.append((match.start(), f"HTML is not allowed: {match.group(0)}"))
    for match in ODD_INDENT.finditer(body):
        found.append((match.start(), "indent a list inside a list by two spaces"))
    for match in HEADING_1.finditer(body):
        found.append((match.start(), "use ## headings: the page title comes from the front matter"))
    return [(body.count("\n", 0, offset), message) for offset, message in found]


def links(body: str) -> list[tuple[int, str]]:
    """Every link target in the Markdown, as (line within the body, target)."""
    return [(body.count("\n", 0, m.start()), m.group(1)) for m in LINK.finditer(body)]


def render(body: str, mash_phone: str, direction: str = "ltr") -> Markup:
    """Markdown to safe HTML, with phone codes turned into links that a phone can call."""
    body = NESTED_ITEM.sub(lambda m: "    " * (len(m.group(1)) // 2), body)
    html = markdown.markdown(body, extensions=["sane_lists"], output_format="html")
    html = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"https", "mailto"},
        link_rel="noopener noreferrer",
    )
    html = re.sub(r"<a ", '<a class="govuk-link" ', html)

    def phone(match: re.Match) -> str:
        code = match.group(1)
        number = mash_phone if code == "mash" else code.removeprefix("tel:")
        return phone_link(number)

    html = CODE.sub(phone, html)
    return Markup(isolate_latin(html) if direction == "rtl" else html)


def phone_link(number: str) -> str:
    digits = re.sub(r"[^\d+]", "", number)
    return (
        f'<a class="govuk-link lms-phone" dir="ltr" href="tel:{digits}">{escape(number)}</a>'
    )


def isolate_latin(html: str) -> str:
    """Set Latin-script runs in right-to-left text apart, so that brackets and commas around them
    stay where the writer put them (the bidi algorithm would otherwise pull them into the run)."""
    parts = TAG.split(html)
    for index in range(0, len(parts), 2):  # text between tags; odd indexes are the tags
        parts[index] = LATIN_RUN.sub(lambda m: f'<span dir="ltr">{m.group(0)}</span>', parts[index])
    return "".join(parts)
