"""Form fields shared by every package, with messages in the reader's language."""

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectField, ValidationError

INVALID_CHOICE = _l("Select one of the options shown")


class ChoiceMixin:
    """WTForms' own 'Not a valid choice' is English-only in some of our languages."""

    def pre_validate(self, form):
        if self.data is None and not self.flags.required:
            return
        values = [str(value) for value, *_ in self.iter_choices()] if self.choices else []
        if self.data is None or str(self.data) not in values:
            raise ValidationError(INVALID_CHOICE)


class Radios(ChoiceMixin, RadioField):
    pass


class Select(ChoiceMixin, SelectField):
    pass
