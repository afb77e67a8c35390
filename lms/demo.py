"""Demo data: agencies and one account for each role. Loading it twice changes nothing."""

from sqlalchemy import select

from .auth import services as auth
from .auth.models import Agency, Job, Role, Sector, User
from .extensions import db

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
    db.session.commit()
    return [(email, role.value) for email, _n, role, *_ in ACCOUNTS]
