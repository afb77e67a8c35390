"""Demo data: agencies and one account for each role. Loading it twice changes nothing."""

from datetime import timedelta

from sqlalchemy import select

from . import content
from .auth import services as auth
from .auth.models import Agency, Job, Role, Sector, User
from .bookings import registers
from .bookings import services as bookings
from .bookings.models import Attendance, Booking, CourseSession
from .certificates import services as certificates
from .certificates.models import Certificate
from .extensions import db
from .surveys import services as surveys
from .surveys.models import Campaign, School

DEFAULT_PASSWORD = "demo-password"

AGENCIES = [
    ("Police", Sector.POLICE),
    ("Children's Social Care", Sector.CHILDRENS_SOCIAL_CARE),
    ("NHS Community Health", Sector.HEALTH),
    ("City Academy", Sector.EDUCATION),
    ("Youth Support Charity", Sector.VOLUNTARY),
    ("CAFCASS", Sector.CAFCASS),
    ("Citizens Advice", Sector.ADVICE),
    ("City Council Licensing", Sector.LICENSING),
    ("Taxi and private hire drivers", Sector.TRANSPORT),
    ("Hotels and licensed premises", Sector.HOSPITALITY),
]

ACCOUNTS = [
    # email, name, role, agency, job, licence number
    ("coordinator@example.org", "Sam Coordinator", Role.COORDINATOR,
     "Children's Social Care", Job.PROFESSIONAL, None),
    ("trainer@example.org", "Tia Trainer", Role.TRAINER, "Police", Job.PROFESSIONAL, None),
    ("licensing@example.org", "Lee Licensing", Role.LICENSING_OFFICER,
     "City Council Licensing", Job.PROFESSIONAL, None),
    ("staff@example.org", "Sasha Staff", Role.LEARNER, "NHS Community Health",
     Job.PROFESSIONAL, None),
    ("driver@example.org", "Dariusz Driver", Role.LEARNER, "Taxi and private hire drivers",
     Job.TAXI_DRIVER, "PH1234"),
    ("admin@example.org", "Ada Admin", Role.ADMIN, "Children's Social Care",
     Job.PROFESSIONAL, None),
    # A driver who passed last year: licensing officers can try PH5678, and see it expiring.
    ("piotr@example.org", "Piotr Kowalski", Role.LEARNER, "Taxi and private hire drivers",
     Job.TAXI_DRIVER, "PH5678"),
]


def load(password: str = DEFAULT_PASSWORD) -> list[tuple[str, str]]:
    agencies = {}
    for name, sector in AGENCIES:
        agency = db.session.scalar(select(Agency).where(Agency.name == name))
        if agency is None:
            agency = Agency(name=name, sector=sector)
            db.session.add(agency)
        agencies[name] = agency
    db.session.flush()

    for email, name, role, agency, job, licence in ACCOUNTS:
        user = db.session.scalar(select(User).where(User.email == email))
        if user is None:
            user = User(email=email, name=name, role=role, job=job,
                        agency_id=agencies[agency].id, licence_number=licence,
                        licensing_authority="City Council" if licence else None,
                        password_hash=auth.hash_password(password))
            db.session.add(user)
        elif not auth.authenticate(email, password):
            # A different --password this time: the accounts follow it.
            user.password_hash = auth.hash_password(password)
    db.session.flush()
    _certificate_from_last_year("piotr@example.org", "taxi-drivers")
    db.session.commit()
    if not db.session.scalar(select(CourseSession.id).limit(1)):
        _sessions()
    if not db.session.scalar(select(Campaign.id).limit(1)):
        _campaign()
    return [(email, role.value) for email, _n, role, *_ in ACCOUNTS]


def survey_codes() -> list[tuple[str, str]]:
    """(code, school) of every school in the demo's campaigns."""
    return [(s.code, s.name) for s in db.session.scalars(select(School).order_by(School.id))]


def _campaign() -> None:
    """An open campaign after the drama, with a before part; City Academy's code is DEMO."""
    today = surveys.today()
    surveys.create_campaign(surveys.CampaignDetails(
        "The drama in Year 8", "after-the-drama", today - timedelta(days=7),
        today + timedelta(days=60), True, ["City Academy", "Riverside School"]),
        codes={"City Academy": "DEMO"})


def _sessions() -> None:
    """Sessions of the three courses; one full, with somebody waiting."""
    trainer = db.session.scalar(select(User).where(User.email == "trainer@example.org"))
    today = bookings.now().replace(hour=9, minute=30, second=0, microsecond=0)
    plans = [("level-1-multi-agency", 14, 16, "Town Hall, Committee Room 1"),
             ("level-1-multi-agency", 28, 2, "Police Headquarters, Training Suite"),
             ("level-1-multi-agency", 42, 16, "Online"),
             ("cse-and-learning-disabilities", 21, 12, "City Academy, Library"),
             ("sexually-harmful-behaviour", 35, 12, "NHS Community Health, Seminar Room")]
    for course, days, capacity, venue in plans:
        start = today + timedelta(days=days)
        session = bookings.create_session(course, start, start + timedelta(hours=3), venue,
                                          capacity, trainers=[trainer])
        if capacity == 2:  # full: two booked, one waiting
            for email, status in [("staff@example.org", "confirmed"),
                                  ("coordinator@example.org", "confirmed"),
                                  ("admin@example.org", "waiting")]:
                user = db.session.scalar(select(User).where(User.email == email))
                db.session.add(Booking(session_id=session.id, user_id=user.id, status=status,
                                       agency_id=user.agency_id,
                                       booked_at=bookings.now(), confirmed_at=bookings.now()
                                       if status == "confirmed" else None))
            session.taken = 2
    db.session.commit()
    _session_with_a_register(trainer, today - timedelta(days=10), close=True)
    # Under way now, so the trainer can try the register on a phone.
    _session_with_a_register(trainer, bookings.now() - timedelta(minutes=15), close=False)


def _session_with_a_register(trainer, start, close: bool) -> None:
    session = bookings.create_session("level-1-multi-agency", start, start + timedelta(hours=3),
                                      "Town Hall, Committee Room 1", 12, trainers=[trainer],
                                      opens_at=start - timedelta(days=30))
    people = [db.session.scalar(select(User).where(User.email == email)) for email in (
        "staff@example.org", "coordinator@example.org", "piotr@example.org")]
    for person in people:
        db.session.add(Booking(session_id=session.id, user_id=person.id, status="confirmed",
                               agency_id=person.agency_id, booked_at=start - timedelta(days=20),
                               confirmed_at=start - timedelta(days=20)))
    session.taken = len(people)
    db.session.commit()
    if close:  # staff and the co-ordinator came; Piotr did not, and is recorded as a no-show
        places = registers.on_register(session.id)
        registers.mark(session.id, {b.id: (Attendance.ABSENT if b.user.email.startswith(
            "piotr") else Attendance.PRESENT, None) for b in places})
        registers.close(session.id)


def _certificate_from_last_year(email: str, item: str) -> None:
    user = db.session.scalar(select(User).where(User.email == email))
    if db.session.scalar(select(Certificate.id).where(Certificate.user_id == user.id)):
        return
    learning = content.catalogue().items[item]
    certificate = certificates.issue(user, learning.intro.english.title, "pl", item=item,
                                     months=learning.renewal_months or 12)
    certificate.issued_at -= timedelta(days=340)
    certificate.expires_at -= timedelta(days=340)
