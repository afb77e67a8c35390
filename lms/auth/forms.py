"""Account forms. Messages are lazy so they appear in the reader's language."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovPasswordInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import BooleanField, PasswordField, StringField, SubmitField
from wtforms.validators import Email, EqualTo, InputRequired, Length, Optional

from ..forms import Radios, Select
from ..i18n import LANGUAGES
from .models import JOB_TITLES, ROLE_TITLES, SECTOR_TITLES, Job
from .services import PASSWORD_MAX, PASSWORD_MIN

NAME_MAX = 120
EMAIL_MAX = 254
LICENCE_MAX = 40
AUTHORITY_MAX = 120
SEARCH_MAX = 100


def strip(value):
    # PostgreSQL refuses NUL characters in text, so they never reach it.
    return value.replace("\x00", "").strip() if isinstance(value, str) else value


def email_field(label=None):
    return StringField(
        label or _l("Email address"),
        widget=GovTextInput(),
        filters=[strip],
        render_kw={"dir": "auto"},  # typed text keeps its own direction on Urdu pages
        validators=[
            InputRequired(_l("Enter your email address")),
            Length(max=EMAIL_MAX, message=_l("Email address must be 254 characters or fewer")),
            Email(
                message=_l("Enter an email address in the correct format, like name@example.org"),
                check_deliverability=False,
            ),
        ],
    )


def new_password_field(label=None):
    return PasswordField(
        label or _l("Create a password"),
        widget=GovPasswordInput(),
        description=_l("At least 10 characters. A few words you will remember work well."),
        validators=[
            InputRequired(_l("Enter a password")),
            Length(
                min=PASSWORD_MIN,
                max=PASSWORD_MAX,
                message=_l("Password must be between 10 and 128 characters"),
            ),
        ],
    )


def confirm_password_field():
    return PasswordField(
        _l("Confirm password"),
        widget=GovPasswordInput(),
        validators=[
            InputRequired(_l("Enter your password again")),
            EqualTo("password", message=_l("The passwords do not match")),
        ],
    )


def coerce_optional_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class SignInForm(FlaskForm):
    email = email_field()
    password = PasswordField(
        _l("Password"),
        widget=GovPasswordInput(),
        validators=[
            InputRequired(_l("Enter your password")),
            Length(max=PASSWORD_MAX, message=_l("Password must be 128 characters or fewer")),
        ],
    )
    submit = SubmitField(_l("Sign in"), widget=GovSubmitInput())


class RegisterForm(FlaskForm):
    name = StringField(
        _l("Full name"),
        filters=[strip],
        render_kw={"dir": "auto"},  # typed text keeps its own direction on Urdu pages
        widget=GovTextInput(),
        description=_l("As it should appear on your certificates"),
        validators=[
            InputRequired(_l("Enter your full name")),
            Length(max=NAME_MAX, message=_l("Full name must be 120 characters or fewer")),
        ],
    )
    email = email_field(_l("Work email address"))
    job = Radios(
        _l("What do you do?"),
        widget=GovRadioInput(),
        choices=[(job.value, title) for job, title in JOB_TITLES.items()],
        validators=[InputRequired(_l("Select what you do"))],
    )
    licence_number = StringField(
        _l("Licence or badge number"),
        filters=[strip],
        render_kw={"dir": "auto"},  # typed text keeps its own direction on Urdu pages
        widget=GovTextInput(),
        description=_l(
            "Drivers: your council driver's licence number. Door staff: your SIA badge number."
        ),
        validators=[
            Optional(),
            Length(max=LICENCE_MAX, message=_l("Licence number must be 40 characters or fewer")),
        ],
    )
    licensing_authority = StringField(
        _l("Licensing authority"),
        filters=[strip],
        render_kw={"dir": "auto"},  # typed text keeps its own direction on Urdu pages
        widget=GovTextInput(),
        description=_l("The council or body that issued it"),
        validators=[
            Optional(),
            Length(
                max=AUTHORITY_MAX,
                message=_l("Licensing authority must be 120 characters or fewer"),
            ),
        ],
    )
    agency = Select(
        _l("Organisation"),
        widget=GovSelect(),
        description=_l("Who you work for. Self-employed drivers choose their licensing area."),
        coerce=coerce_optional_int,
        validators=[InputRequired(_l("Select your organisation"))],
    )
    password = new_password_field()
    confirm = confirm_password_field()
    submit = SubmitField(_l("Create account"), widget=GovSubmitInput())

    def validate(self, extra_validators=None) -> bool:
        # Checks across fields; Optional() would stop a field's own validators from running.
        valid = super().validate(extra_validators)
        job = Job(self.job.data) if self.job.data in Job._value2member_map_ else None
        if job and job.needs_licence and not self.licence_number.data:
            self.licence_number.errors.append(_l("Enter your licence or badge number"))
            valid = False
        if self.licence_number.data and not self.licensing_authority.data:
            self.licensing_authority.errors.append(
                _l("Enter the licensing authority that issued your licence")
            )
            valid = False
        return valid


class ForgottenPasswordForm(FlaskForm):
    email = email_field()
    submit = SubmitField(_l("Send reset link"), widget=GovSubmitInput())


class ResetPasswordForm(FlaskForm):
    password = new_password_field(_l("New password"))
    confirm = confirm_password_field()
    submit = SubmitField(_l("Change password"), widget=GovSubmitInput())


class PreferencesForm(FlaskForm):
    language = Radios(
        _l("Language"),
        widget=GovRadioInput(),
        choices=[(lang.code, lang.name) for lang in LANGUAGES.values()],
        validators=[InputRequired(_l("Select a language"))],
    )
    submit = SubmitField(_l("Save"), widget=GovSubmitInput())


class PeopleSearchForm(FlaskForm):
    class Meta:
        csrf = False  # a GET search changes nothing

    q = StringField(
        _l("Name, email or licence number"),
        filters=[strip],
        render_kw={"dir": "auto"},  # typed text keeps its own direction on Urdu pages
        widget=GovTextInput(),
        validators=[
            Optional(),
            Length(max=SEARCH_MAX, message=_l("Search must be 100 characters or fewer")),
        ],
    )
    submit = SubmitField(_l("Search"), widget=GovSubmitInput())


class PersonForm(FlaskForm):
    role = Radios(
        _l("Role"),
        widget=GovRadioInput(),
        choices=[(role.value, title) for role, title in ROLE_TITLES.items()],
        validators=[InputRequired(_l("Select a role"))],
    )
    agency = Select(
        _l("Organisation"),
        widget=GovSelect(),
        coerce=coerce_optional_int,
        validators=[Optional()],
    )
    submit = SubmitField(_l("Save changes"), widget=GovSubmitInput())


class AgencyForm(FlaskForm):
    name = StringField(
        _l("Organisation name"),
        filters=[strip],
        render_kw={"dir": "auto"},  # typed text keeps its own direction on Urdu pages
        widget=GovTextInput(),
        validators=[
            InputRequired(_l("Enter the organisation's name")),
            Length(max=NAME_MAX, message=_l("Name must be 120 characters or fewer")),
        ],
    )
    sector = Select(
        _l("Sector"),
        widget=GovSelect(),
        choices=[(sector.value, title) for sector, title in SECTOR_TITLES.items()],
        validators=[InputRequired(_l("Select a sector"))],
    )
    active = BooleanField(
        _l("Shown to people registering"), widget=GovCheckboxInput(), default=True
    )
    submit = SubmitField(_l("Save"), widget=GovSubmitInput())
