"""Licensing compliance: a licensing officer's list of licence numbers, checked in two queries."""

import csv
import io
import re
from dataclasses import dataclass

from openpyxl import Workbook
from sqlalchemy import select

from ..auth.models import User
from ..auth.services import normalise_licence
from ..extensions import db
from .models import Certificate
from .services import standing

MOST_NUMBERS = 500
MOST_CHARACTERS = 20_000  # pasted text or an uploaded file
LICENCE = re.compile(r"^[A-Z0-9][A-Z0-9/.\-]{1,39}$")
SEPARATORS = re.compile(r"[\r\n,;\t]+")


class TooLong(ValueError):
    pass


class TooMany(ValueError):
    pass


class Empty(ValueError):
    pass


@dataclass(frozen=True)
class Row:
    number: str
    name: str | None = None  # None: no account has this number
    certificate: Certificate | None = None

    @property
    def standing(self):
        return standing(self.certificate) if self.certificate else None


def parse(text: str) -> tuple[list[str], list[str]]:
    """Licence numbers in the order given (without repeats), and the pieces not understood."""
    if len(text or "") > MOST_CHARACTERS:
        raise TooLong(len(text))
    numbers, not_understood = [], []
    for piece in SEPARATORS.split(text or ""):
        if not piece.strip():
            continue
        number = normalise_licence(piece)
        if number and LICENCE.match(number):
            if number not in numbers:
                numbers.append(number)
        else:
            not_understood.append(piece.strip()[:60])
    if len(numbers) > MOST_NUMBERS:
        raise TooMany(len(numbers))
    if not numbers and not not_understood:
        raise Empty()
    return numbers, not_understood


def check(numbers: list[str]) -> list[Row]:
    """Each number with its driver and their latest live certificate, or none."""
    people = db.session.execute(
        select(User.id, User.name, User.licence_number).where(User.licence_number.in_(numbers))
    ).all() if numbers else []
    latest: dict[int, Certificate] = {}
    if people:
        for certificate in db.session.scalars(
            select(Certificate)
            .where(Certificate.user_id.in_([p.id for p in people]),
                   Certificate.replaced_by_id.is_(None))
            .order_by(Certificate.issued_at.desc(), Certificate.id.desc())
        ):
            latest.setdefault(certificate.user_id, certificate)
    by_number: dict[str, list] = {}
    for person in people:
        by_number.setdefault(person.licence_number, []).append(person)
    rows = []
    for number in numbers:
        for person in by_number.get(number) or [None]:
            rows.append(Row(number, person.name if person else None,
                            latest.get(person.id) if person else None))
    return rows


def as_csv(rows: list[Row], headings: list[str], cells) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headings)
    writer.writerows(cells(row) for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the mark makes Excel read UTF-8


def as_excel(rows: list[Row], headings: list[str], cells) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Licences"
    sheet.append(headings)
    for row in rows:
        sheet.append(cells(row))
    for column in sheet.columns:
        sheet.column_dimensions[column[0].column_letter].width = max(
            12, min(50, max(len(str(cell.value or "")) for cell in column) + 2))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
