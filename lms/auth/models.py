"""People, their roles and the agencies they work for."""

import enum
import secrets
from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_login import UserMixin
from sqlalchemy import CheckConstraint, Enum, ForeignKey, String, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db


def _values(enum_class):
    return [member.value for member in enum_class]


def enum_column(enum_class, name: str):
    """A short string column with a CHECK constraint, the same on SQLite and PostgreSQL."""
    return Enum(
        enum_class,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=_values,
        validate_strings=True,
    )


class Role(enum.StrEnum):
    LEARNER = "learner"
    TRAINER = "trainer"
    COORDINATOR = "coordinator"
    LICENSING_OFFICER = "licensing_officer"
    ADMIN = "admin"

    @property
    def title(self):
        return ROLE_TITLES[self]


ROLE_TITLES = {
    Role.LEARNER: _l("Learner"),
    Role.TRAINER: _l("Trainer"),
    Role.COORDINATOR: _l("Co-ordinator"),
    Role.LICENSING_OFFICER: _l("Licensing officer"),
    Role.ADMIN: _l("Administrator"),
}


class Sector(enum.StrEnum):
    POLICE = "police"
    CHILDRENS_SOCIAL_CARE = "childrens_social_care"
    HEALTH = "health"
    EDUCATION = "education"
    VOLUNTARY = "voluntary"
    CAFCASS = "cafcass"
    ADVICE = "advice"
    LICENSING = "licensing"
    TRANSPORT = "transport"
    HOSPITALITY = "hospitality"
    OTHER = "other"

    @property
    def title(self):
        return SECTOR_TITLES[self]


SECTOR_TITLES = {
    Sector.POLICE: _l("Police"),
    Sector.CHILDRENS_SOCIAL_CARE: _l("Children's social care"),
    Sector.HEALTH: _l("Health"),
    Sector.EDUCATION: _l("Education"),
    Sector.VOLUNTARY: _l("Voluntary sector"),
    Sector.CAFCASS: _l("CAFCASS"),
    Sector.ADVICE: _l("Advice services"),
    Sector.LICENSING: _l("Licensing"),
    Sector.TRANSPORT: _l("Transport"),
    Sector.HOSPITALITY: _l("Hospitality"),
    Sector.OTHER: _l("Other"),
}


class Job(enum.StrEnum):
    """What a person does, so we can offer the right learning."""

    PROFESSIONAL = "professional"
    TAXI_DRIVER = "taxi_driver"
    DOOR_STAFF = "door_staff"
    TAKEAWAY = "takeaway"
    HOTEL = "hotel"
    OFF_LICENCE = "off_licence"

    @property
    def title(self):
        return JOB_TITLES[self]

    @property
    def needs_licence(self) -> bool:
        return self in LICENSED_JOBS


# Drivers hold a council licence and door staff an SIA badge; both must give its number.
LICENSED_JOBS = (Job.TAXI_DRIVER, Job.DOOR_STAFF)

JOB_TITLES = {
    Job.PROFESSIONAL: _l("I work with children, young people or families"),
    Job.TAXI_DRIVER: _l("Taxi or private hire driver"),
    Job.DOOR_STAFF: _l("Door supervisor or security"),
    Job.TAKEAWAY: _l("Takeaway or food outlet"),
    Job.HOTEL: _l("Hotel or B&B reception"),
    Job.OFF_LICENCE: _l("Off-licence or shop"),
}


class Agency(db.Model):
    __tablename__ = "agencies"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    sector: Mapped[Sector] = mapped_column(enum_column(Sector, "sector"))
    active: Mapped[bool] = mapped_column(default=True)

    people: Mapped[list["User"]] = relationship(back_populates="agency")


class User(UserMixin, db.Model):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("email = lower(email)", name="email_lower_case"),
        CheckConstraint(
            "job NOT IN ('taxi_driver', 'door_staff') OR licence_number IS NOT NULL",
            name="licensed_job_has_licence",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(enum_column(Role, "role"), default=Role.LEARNER)
    job: Mapped[Job] = mapped_column(enum_column(Job, "job"), default=Job.PROFESSIONAL)
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"), index=True)
    licence_number: Mapped[str | None] = mapped_column(String(40), index=True)
    licensing_authority: Mapped[str | None] = mapped_column(String(120))
    language: Mapped[str] = mapped_column(String(5), default="en")
    # Part of the session cookie; a new one signs the person out everywhere.
    session_token: Mapped[str] = mapped_column(
        String(64), unique=True, default=lambda: secrets.token_urlsafe(32)
    )
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    last_signed_in_at: Mapped[datetime | None]

    agency: Mapped[Agency | None] = relationship(back_populates="people")

    def get_id(self) -> str:
        return self.session_token

    def __repr__(self) -> str:
        return f"<User {self.id} {self.role}>"
