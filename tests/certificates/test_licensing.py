"""Licensing officers check drivers by licence number and export what they found."""

import io

from openpyxl import load_workbook

from lms.auth.models import Job, Role
from lms.certificates import licensing, services
from lms.extensions import db


def drivers(make_user):
    valid = make_user(email="a@example.org", name="Anna Nowak", job=Job.TAXI_DRIVER,
                      licence_number="PH1001")
    make_user(email="b@example.org", name="=HYPERLINK(\"x\")", job=Job.TAXI_DRIVER,
              licence_number="PH1002")
    services.issue(valid, "Taxi briefing", "pl", item="taxi-drivers", months=12)
    db.session.commit()


def test_parse_keeps_order_drops_repeats_and_lists_what_it_cannot_read():
    numbers, odd = licensing.parse("ph 1001\nPH1002, PH1001;\n\n<script>\t-- \nX")
    assert numbers == ["PH1001", "PH1002"]
    assert odd == ["<script>", "--", "X"]


def test_officers_see_each_number_with_its_driver_and_certificate(client, signed_in, make_user):
    drivers(make_user)
    signed_in(Role.LICENSING_OFFICER)
    response = client.post("/licensing", data={"numbers": "ph1001\nPH1002\nPH9999\n%%%"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "3 results" in html
    assert "Anna Nowak" in html and "Valid" in html
    assert "No certificate" in html and "No account with this number" in html
    assert "%%%" in html.split("Not understood")[1]
    assert "a@example.org" not in html  # nothing else about learners


def test_exports_open_in_a_spreadsheet_without_running_formulas(client, signed_in, make_user):
    drivers(make_user)
    signed_in(Role.LICENSING_OFFICER)
    form = {"numbers": "PH1001\nPH1002\nPH9999"}
    response = client.post("/licensing", data={**form, "export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.data)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:4] == ["Licence number", "Name", "Certificate", "Status"]
    assert rows[1][:2] == ["PH1001", "Anna Nowak"] and rows[1][3] == "Valid"
    assert rows[2][1] == "'=HYPERLINK(\"x\")"
    assert rows[3][1] == "No account with this number"
    response = client.post("/licensing", data={**form, "export": "csv"})
    text = response.data.decode("utf-8-sig")
    assert response.mimetype == "text/csv" and text.splitlines()[1].startswith("PH1001,Anna Nowak")


def test_uploads_and_limits(client, signed_in, make_user):
    drivers(make_user)
    signed_in(Role.LICENSING_OFFICER)
    upload = (io.BytesIO(b"PH1001\r\nPH1002\r\n"), "licences.csv")
    html = client.post("/licensing", data={"file": upload}).get_data(as_text=True)
    assert "2 results" in html and "Anna Nowak" in html
    many = "\n".join(f"PH{n}" for n in range(501))
    response = client.post("/licensing", data={"numbers": many})
    assert response.status_code == 400
    assert "Check at most 500 licence numbers at a time." in response.get_data(as_text=True)
    response = client.post("/licensing", data={"numbers": "x" * 20_001})
    assert response.status_code == 400 and "at most 20000 characters" in response.get_data(
        as_text=True)
    response = client.post("/licensing", data={"numbers": " \n "})
    assert response.status_code == 400 and "Enter licence numbers" in response.get_data(
        as_text=True)
