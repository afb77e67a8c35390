"""Forms for sessions, registers, walk-ins and evaluations. Times are typed in UK time and kept
in UTC."""

import re
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovDateInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import DateField, SelectMultipleField, StringField, SubmitField
from wtforms.validators import (
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from ..auth.forms import NAME_MAX, coerce_optional_int, email_field, strip
from ..forms import Radios, Select, WholeNumber
from .models import Attendance
from .registers import EVALUATION_TEXT_MAX, MINUTES_LATE_MAX

LONDON = ZoneInfo("Europe/London")
CAPACITY_MAX = 500
VENUE_MAX = 200
LINK_MAX = 300
TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


def utc(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=LONDON).astimezone(UTC).replace(tzinfo=None)


def local(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC).astimezone(LONDON)


def clock(text: str) -> time:
    hours, minutes = TIME.match(text.strip()).groups()
    return time(int(hours), int(minutes))


def date_field(label, required=True, description=None):
    message = _l("Enter a real date, like 27 3 2027")
    return DateField(label, format="%d %m %Y", widget=GovDateInput(), description=description,
                     invalid_value_message=message,
                     validators=[InputRequired(_l("Enter the date")) if required else Optional()])


def time_field(label):
    return StringField(label, widget=GovTextInput(), filters=[strip],
                       description=_l("In 24-hour time, like 09:30 or 14:00"), validators=[
                           InputRequired(_l("Enter the time")),
                           Regexp(TIME, message=_l("Enter a time like 09:30 or 14:00"))])


class SessionForm(FlaskForm):
    course = Select(_l("Course"), widget=GovSelect(),
                    validators=[InputRequired(_l("Select the course"))])
    day = date_field(_l("Date"), description=_l("For example, 27 3 2027"))
    starts = time_field(_l("Starts at"))
    ends = time_field(_l("Ends at"))
    venue = StringField(_l("Venue"), widget=GovTextInput(), filters=[strip], validators=[
        InputRequired(_l("Enter the venue, or Online")),
        Length(max=VENUE_MAX, message=_l("Venue must be 200 characters or fewer"))])
    online_link = StringField(
        _l("Link to join online (optional)"), widget=GovTextInput(), filters=[strip],
        validators=[Optional(), Length(max=LINK_MAX, message=_l(
            "Link must be 300 characters or fewer")),
            Regexp(r"^https://\S+$", message=_l("Enter a link that starts with https://"))])
    capacity = WholeNumber(_l("Places"), widget=GovTextInput(),
                           invalid_message=_l("Places must be between 1 and 500"), validators=[
        InputRequired(_l("Enter the number of places")),
        NumberRange(min=1, max=CAPACITY_MAX, message=_l("Places must be between 1 and 500"))])
    agency_cap = WholeNumber(
        _l("Most places one organisation may hold (optional)"), widget=GovTextInput(),
        invalid_message=_l("Enter a number between 1 and 500, or leave it empty"),
        description=_l("Leave empty for no limit. Keeps places for a mix of agencies."),
        validators=[Optional(), NumberRange(min=1, max=CAPACITY_MAX, message=_l(
            "Enter a number between 1 and 500, or leave it empty"))])
    trainers = SelectMultipleField(_l("Trainers"), coerce=int, widget=GovCheckboxesInput())
    opens = date_field(_l("Booking opens (optional)"), required=False,
                       description=_l("Leave empty to open booking now."))
    closes = date_field(_l("Booking closes (optional)"), required=False,
                        description=_l("Leave empty for one working day before."))
    cancel_by = date_field(
        _l("Free cancellation until (optional)"), required=False,
        description=_l("Leave empty for three working days before. Later cancellations are "
                       "recorded as late."))
    submit = SubmitField(_l("Save"), widget=GovSubmitInput())

    def validate_ends(self, field):
        if (TIME.match(field.data or "") and TIME.match(self.starts.data or "")
                and clock(field.data) <= clock(self.starts.data)):
            raise ValidationError(_l("The end must be after the start"))

    def validate_day(self, field):
        if field.data and field.data < datetime.now(LONDON).date():
            raise ValidationError(_l("The date must be today or in the future"))

    def at(self, field) -> datetime | None:
        """A deadline's date at the session's start time, in UTC; booking opens at midnight."""
        if not field.data:
            return None
        return utc(field.data, time(0, 0) if field is self.opens else clock(self.starts.data))

    def fill(self, session) -> None:
        start, end = local(session.starts_at), local(session.ends_at)
        self.course.data, self.day.data = session.course, start.date()
        self.starts.data, self.ends.data = start.strftime("%H:%M"), end.strftime("%H:%M")
        self.venue.data, self.online_link.data = session.venue, session.online_link
        self.capacity.data, self.agency_cap.data = session.capacity, session.agency_cap
        self.trainers.data = [t.id for t in session.trainers]
        self.opens.data = local(session.booking_opens_at).date()
        self.closes.data = local(session.booking_closes_at).date()
        self.cancel_by.data = local(session.cancel_by).date()


class MoveForm(FlaskForm):
    to_session = Select(_l("Move to"), coerce=int, widget=GovSelect(),
                        validators=[InputRequired(_l("Select a session"))])
    submit = SubmitField(_l("Move"), widget=GovSubmitInput())


class WalkInForm(FlaskForm):
    email = email_field()
    name = StringField(_l("Full name (if they have no account)"), widget=GovTextInput(),
                       filters=[strip], validators=[Length(max=NAME_MAX, message=_l(
                           "Name must be 120 characters or fewer"))])
    agency = Select(_l("Organisation (if they have no account)"), coerce=coerce_optional_int,
                    widget=GovSelect(), validators=[Optional()])
    submit = SubmitField(_l("Add to the register"), widget=GovSubmitInput())


def parse_marks(form, booking_ids) -> tuple[dict, dict]:
    """The register's radios: attendance-<id> and minutes-<id>. Returns (marks, errors): an
    unmarked person is left out; a late mark needs the minutes."""
    marks, errors = {}, {}
    for booking_id in booking_ids:
        value = form.get(f"attendance-{booking_id}")
        if not value:
            continue
        if value not in Attendance._value2member_map_:
            raise ValueError(value)
        attendance = Attendance(value)
        minutes = None
        if attendance == Attendance.LATE:
            text = (form.get(f"minutes-{booking_id}") or "").strip()
            if not text.isdigit() or int(text) > MINUTES_LATE_MAX:
                errors[booking_id] = _l("Enter how many minutes late, from 0 to 600")
                continue
            minutes = int(text)
        marks[booking_id] = (attendance, minutes)
    return marks, errors


class EvaluationForm(FlaskForm):
    usefulness = Radios(
        _l("How useful was the session for your work?"), coerce=int, widget=GovRadioInput(),
        choices=[(5, _l("Very useful")), (4, _l("Useful")), (3, _l("Somewhat useful")),
                 (2, _l("Not very useful")), (1, _l("Not useful at all"))],
        validators=[InputRequired(_l("Select how useful the session was"))])
    confidence_before = Radios(
        _l("Before the session, how confident were you in spotting and reporting child sexual "
           "exploitation?"), coerce=int, widget=GovRadioInput(),
        choices=[(n, str(n)) for n in range(11)],
        description=_l("0 is not at all confident, 10 is very confident"),
        validators=[InputRequired(_l("Select a number from 0 to 10"))])
    confidence_after = Radios(
        _l("And now, after the session?"), coerce=int, widget=GovRadioInput(),
        choices=[(n, str(n)) for n in range(11)],
        description=_l("0 is not at all confident, 10 is very confident"),
        validators=[InputRequired(_l("Select a number from 0 to 10"))])
    will_do_differently = StringField(
        _l("What will you do differently in your work? (optional)"),
        description=_l("Up to 2,000 characters."),
        widget=GovTextArea(), filters=[strip], validators=[Length(
            max=EVALUATION_TEXT_MAX, message=_l("Answer must be 2,000 characters or fewer"))])
    submit = SubmitField(_l("Send"), widget=GovSubmitInput())
