"""Campaigns of the impact questionnaire and anonymous responses to it.

Nothing here stores who answered: a device remembers in a signed cookie that it has answered, a
replayed form is ignored because its response id (random, made when the form was shown) is
already taken, and a student's pairing code is kept only as a keyed hash.
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import distinct, func, select
from sqlalchemy.exc import IntegrityError

from .. import content
from ..extensions import db
from .models import Campaign, Response, School, SurveyAnswer

# No 0/O, 1/I/L, 2/Z, 5/S or 8/B: a code read from a poster across a hall is not misread.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 6
SCHOOLS_MAX = 60
NAME_MAX = 120
FORM_MAX_AGE = 6 * 3600  # a form left open longer is shown again, not refused silently
DEVICE_COOKIE = "survey_answered"
DEVICE_MAX_AGE = 400 * 24 * 3600
LONDON = ZoneInfo("Europe/London")


def today() -> date:
    return datetime.now(LONDON).date()


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())[:12]


class CampaignError(ValueError):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class CampaignDetails:
    name: str
    survey: str
    opens_on: date
    closes_on: date
    pairing: bool
    schools: list[str]


def school_names(text: str) -> list[str]:
    """One school a line; blanks and repeats dropped, order kept."""
    names: list[str] = []
    for line in (text or "").splitlines():
        name = " ".join(line.split())
        if name and name.casefold() not in {n.casefold() for n in names}:
            names.append(name)
    return names


def create_campaign(details: CampaignDetails, codes: dict[str, str] | None = None) -> Campaign:
    """codes: a fixed code for some schools (the demo's DEMO); the others are random."""
    if details.survey not in content.catalogue().surveys:
        raise CampaignError("survey")
    if details.closes_on < details.opens_on:
        raise CampaignError("dates")
    if not details.schools or len(details.schools) > SCHOOLS_MAX or any(
            len(name) > NAME_MAX for name in details.schools):
        raise CampaignError("schools")
    campaign = Campaign(name=details.name, survey=details.survey, opens_on=details.opens_on,
                        closes_on=details.closes_on, pairing=details.pairing,
                        created_at=datetime.now(UTC).replace(tzinfo=None))
    taken = set(db.session.scalars(select(School.code)))
    for name in details.schools:
        code = (codes or {}).get(name) or new_code()
        while code in taken:
            code = new_code()
        taken.add(code)
        campaign.schools.append(School(name=name, code=code))
    db.session.add(campaign)
    db.session.commit()
    return campaign


def campaigns() -> list[Campaign]:
    return list(db.session.scalars(select(Campaign).order_by(Campaign.opens_on.desc(),
                                                             Campaign.id.desc())))


def find_school(code: str) -> School | None:
    code = normalise_code(code)
    return db.session.scalar(select(School).where(School.code == code)) if code else None


def state(campaign: Campaign, on: date | None = None) -> str:
    """open, not_open (yet) or closed."""
    on = on or today()
    if campaign.closed_early_at or on > campaign.closes_on:
        return "closed"
    return "not_open" if on < campaign.opens_on else "open"


def close_early(campaign_id: int) -> None:
    campaign = db.session.get(Campaign, campaign_id)
    if campaign and not campaign.closed_early_at:
        campaign.closed_early_at = datetime.now(UTC).replace(tzinfo=None)
        db.session.commit()


def _serializer(salt: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=salt)


def form_token(school: School, part: str) -> str:
    """Carried by the form: the response id it will be stored under, made now."""
    return _serializer("survey-form").dumps([school.id, part, secrets.token_hex(16)])


def response_id(token: str, school: School, part: str) -> str | None:
    try:
        school_id, token_part, rid = _serializer("survey-form").loads(token, max_age=FORM_MAX_AGE)
    except (BadSignature, ValueError, TypeError):
        return None
    return rid if (school_id, token_part) == (school.id, part) else None


def answered_on_device(cookie: str | None) -> set[str]:
    """What this device has answered, as "campaign:part"; nothing else is in the cookie."""
    if not cookie:
        return set()
    try:
        return set(_serializer("survey-device").loads(cookie, max_age=DEVICE_MAX_AGE))
    except (BadSignature, TypeError, ValueError):
        return set()


def device_cookie(answered: set[str]) -> str:
    return _serializer("survey-device").dumps(sorted(answered))


def device_key(campaign: Campaign, part: str) -> str:
    return f"{campaign.id}:{part}"


def pairing_hash(campaign: Campaign, code: str) -> str:
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, f"{campaign.id}:{code}".encode(), hashlib.sha256).hexdigest()


def submit(school: School, part: str, language: str, rid: str,
           answers: list[tuple[str, str, int | None, str | None]],
           pairing_code: str | None) -> bool:
    """Store a response: answers are (question, option, number, text). False when this form was
    already stored (a replay, or a double tap): nothing changes then."""
    campaign = school.campaign
    if state(campaign) != "open" or (part == "before" and not campaign.pairing):
        raise CampaignError("closed")
    if db.session.get(Response, rid):
        return False
    db.session.add(Response(
        id=rid, campaign_id=campaign.id, school_id=school.id, part=part, language=language,
        answered_on=today(),
        pairing_hash=pairing_hash(campaign, pairing_code) if pairing_code else None))
    db.session.add_all(SurveyAnswer(response_id=rid, question=q, option=o, number=n, text=t)
                       for q, o, n, t in answers)
    try:
        db.session.commit()
    except IntegrityError:  # the same form sent twice at the same moment
        db.session.rollback()
        return False
    return True


def counts(campaign_id: int) -> dict[int, dict[str, int]]:
    """Responses per school and part, in one query."""
    result: dict[int, dict[str, int]] = {}
    rows = db.session.execute(select(Response.school_id, Response.part, func.count())
                              .where(Response.campaign_id == campaign_id)
                              .group_by(Response.school_id, Response.part))
    for school_id, part, count in rows:
        result.setdefault(school_id, {})[part] = count
    return result


def totals() -> dict[int, int]:
    """Responses per campaign."""
    return dict(db.session.execute(select(Response.campaign_id, func.count())
                                   .group_by(Response.campaign_id)).all())


def pairs(campaign_id: int) -> int:
    """Students whose before and after answers carry the same code."""
    matched = (select(Response.pairing_hash)
               .where(Response.campaign_id == campaign_id, Response.pairing_hash.is_not(None))
               .group_by(Response.pairing_hash)
               .having(func.count(distinct(Response.part)) == 2)).subquery()
    return db.session.scalar(select(func.count()).select_from(matched))


def free_text(campaign_id: int) -> list[tuple[str, str, str]]:
    """(school, question, text) of every written answer, for co-ordinators only; in no order
    that follows when they were written."""
    return [tuple(row) for row in db.session.execute(
        select(School.name, SurveyAnswer.question, SurveyAnswer.text)
        .join(Response, Response.id == SurveyAnswer.response_id)
        .join(School, School.id == Response.school_id)
        .where(Response.campaign_id == campaign_id, SurveyAnswer.text.is_not(None))
        .order_by(School.name, SurveyAnswer.question, SurveyAnswer.text))]
