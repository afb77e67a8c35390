"""Reading a student's answers from the questionnaire's form, and the co-ordinator's campaign
form. The questionnaire's fields come from its content file, so they are read here by hand:
a missing answer gets a message; a value the form could not have sent refuses the whole form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import BooleanField, StringField, SubmitField
from wtforms.validators import InputRequired, Length

from ..auth.forms import strip
from ..bookings.forms import date_field
from ..content.surveys import SCALE
from ..forms import Select
from .services import NAME_MAX

TEXT_MAX = 2000
FORM_FIELDS = {"csrf_token", "form_token", "pair-letter", "pair-day", "pair-month"}
MONTHS = range(1, 13)
DAYS = range(1, 32)


class Tampered(ValueError):
    """The form holds something its page could not have sent."""


def read_answers(questions, form, pairing: str | None):
    """(answers, pairing code, errors). pairing is "required", "optional" or None. Answers are
    (question, option, number, text); errors map a field's id to a message."""
    known = FORM_FIELDS | {q.id for q in questions}
    if set(form) - known:
        raise Tampered(sorted(set(form) - known))
    answers, errors = [], {}
    for question in questions:
        values = [v for v in form.getlist(question.id) if v != ""]
        if question.type == "text":
            text = " ".join((values or [""])[0].split("\x00")).strip()
            if len(text) > TEXT_MAX:
                errors[question.id] = _l("Your answer must be 2,000 characters or fewer")
            elif text:
                answers.append((question.id, "", None, text))
            continue
        if question.type == "scale":
            if values and (len(values) > 1 or not values[0].isdigit()
                           or int(values[0]) not in SCALE):
                raise Tampered(question.id)
            answers += [(question.id, "", int(values[0]), None)] if values else []
        else:
            if any(question.choice(v) is None for v in values) or len(set(values)) < len(values) \
                    or (question.type == "single" and len(values) > 1):
                raise Tampered(question.id)
            answers += [(question.id, v, None, None) for v in values]
        if question.required and not values:
            errors[question.id] = (_l("Choose a number from 0 to 10") if question.type == "scale"
                                   else _l("Choose an answer"))
    code = _pairing_code(form, pairing, errors)
    return answers, code, errors


def _pairing_code(form, pairing, errors) -> str | None:
    """The student's made-up code: a letter, a day and a month, as "M-14-3"."""
    letter = (form.get("pair-letter") or "").strip().upper()
    day, month = form.get("pair-day") or "", form.get("pair-month") or ""
    if not pairing or not (letter or day or month) and pairing == "optional":
        return None
    if month and (not month.isdigit() or int(month) not in MONTHS):
        raise Tampered("pair-month")
    if len(letter) != 1 or not letter.isalpha():
        errors["pair-letter"] = _l("Enter one letter")
    if not day.isdigit() or int(day) not in DAYS:
        errors["pair-day"] = _l("Enter a day from 1 to 31")
    if not month:
        errors["pair-month"] = _l("Choose a month")
    if {"pair-letter", "pair-day", "pair-month"} & set(errors):
        return None
    return f"{letter}-{int(day)}-{int(month)}"


class CampaignForm(FlaskForm):
    name = StringField(_l("Name of the campaign"), widget=GovTextInput(), filters=[strip],
                       description=_l("For example, the drama in Year 8, spring term 2027"),
                       validators=[InputRequired(_l("Enter a name")), Length(
                           max=NAME_MAX, message=_l("Name must be 120 characters or fewer"))])
    survey = Select(_l("Questionnaire"), widget=GovSelect(),
                    validators=[InputRequired(_l("Choose a questionnaire"))])
    opens_on = date_field(_l("Opens on"), description=_l("For example, 27 3 2027"))
    closes_on = date_field(_l("Closes after"), description=_l("The last day answers are taken"))
    pairing = BooleanField(
        _l("Students also answer a short part before the drama, matched to their answers "
           "after it by a code they make up"), widget=GovCheckboxInput())
    schools = StringField(
        _l("Schools"), widget=GovTextArea(), filters=[strip],
        description=_l("One school a line, up to 60. Each gets its own code and poster."),
        validators=[InputRequired(_l("Enter at least one school")),
                    Length(max=8000, message=_l("The list of schools is too long"))])
    submit = SubmitField(_l("Create the campaign"), widget=GovSubmitInput())
