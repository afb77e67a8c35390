"""Administrators change people's roles; co-ordinators keep the list of agencies."""

from sqlalchemy import func, select

from lms.auth.models import Agency, Role, Sector
from lms.extensions import db


def test_admin_finds_a_person_by_name_email_or_licence(client, signed_in, make_user):
    signed_in(Role.ADMIN)
    make_user(email="driver@example.org", name="Dariusz Driver", job="taxi_driver",
              licence_number="PH1234", licensing_authority="City")
    for query in ("dariusz", "DRIVER@EXAMPLE", "ph 1234"):
        body = client.get(f"/admin/people?q={query}").get_data(as_text=True)
        assert "Dariusz Driver" in body, query
        assert "1 person found" in body
    assert "0 people found" in client.get("/admin/people?q=zzz").get_data(as_text=True)


def test_search_limit_is_stated_and_tested(client, signed_in):
    signed_in(Role.ADMIN)
    response = client.get("/admin/people?q=" + "x" * 101)
    assert response.status_code == 400
    assert "Search must be 100 characters or fewer" in response.get_data(as_text=True)


def test_admin_changes_role_and_agency(client, signed_in, make_user):
    signed_in(Role.ADMIN)
    person = make_user(email="someone@example.org")
    other = Agency(name="City Academy", sector=Sector.EDUCATION)
    db.session.add(other)
    db.session.commit()
    response = client.post(f"/admin/people/{person.id}",
                           data={"role": "trainer", "agency": str(other.id)})
    assert response.status_code == 302
    assert person.role is Role.TRAINER and person.agency_id == other.id


def test_bad_role_changes_nothing(client, signed_in, make_user):
    signed_in(Role.ADMIN)
    person = make_user(email="someone@example.org")
    response = client.post(f"/admin/people/{person.id}", data={"role": "emperor"})
    assert response.status_code == 400
    assert "Select one of the options shown" in response.get_data(as_text=True)
    assert person.role is Role.LEARNER
    assert client.get("/admin/people/99999").status_code == 404


def test_coordinator_adds_and_edits_agencies(client, signed_in):
    signed_in(Role.COORDINATOR)
    response = client.post("/agencies/new", data={"name": "Youth Club", "sector": "voluntary",
                                                   "active": "y"})
    assert response.status_code == 302
    agency = db.session.scalar(select(Agency).where(Agency.name == "Youth Club"))
    assert agency.sector is Sector.VOLUNTARY and agency.active
    response = client.post(f"/agencies/{agency.id}", data={"name": "Youth Club", "sector": "other"})
    assert response.status_code == 302
    assert agency.sector is Sector.OTHER and not agency.active
    assert "Youth Club" in client.get("/agencies").get_data(as_text=True)


def test_agency_names_are_unique_and_sectors_checked(client, signed_in, agency):
    signed_in(Role.COORDINATOR)
    response = client.post("/agencies/new", data={"name": agency.name, "sector": "police"})
    assert response.status_code == 400
    assert "already an organisation" in response.get_data(as_text=True)
    response = client.post("/agencies/new", data={"name": "New", "sector": "pirates"})
    assert response.status_code == 400
    assert db.session.scalar(select(func.count(Agency.id))) == 1


def test_search_shows_at_most_the_stated_number(client, signed_in, make_user):
    from lms.auth.services import SEARCH_LIMIT

    signed_in(Role.ADMIN)
    for n in range(SEARCH_LIMIT + 1):
        make_user(email=f"person{n:02}@example.org", name=f"Person {n:02}")
    body = client.get("/admin/people?q=person").get_data(as_text=True)
    assert body.count('href="/admin/people/') == SEARCH_LIMIT
    assert f"Only the first {SEARCH_LIMIT} are shown" in body


def test_out_of_range_ids_are_not_found(client, signed_in):
    signed_in(Role.ADMIN)
    for url in ("/admin/people/99999999999", "/admin/people/99999999999999999999999",
                "/agencies/99999999999999999999999"):
        assert client.get(url).status_code == 404, url
