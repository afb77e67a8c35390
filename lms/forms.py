"""Form fields shared by every package, with messages in the reader's language."""

from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, RadioField, SelectField, ValidationError

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


class WholeNumber(IntegerField):
    """An integer field whose 'not a number' message is the caller's, in the reader's language."""

    def __init__(self, label=None, validators=None, invalid_message=None, **kwargs):
        super().__init__(label, validators, **kwargs)
        self.invalid_message = invalid_message

    def process_formdata(self, valuelist):
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        try:
            self.data = int(valuelist[0].strip())
        except ValueError:
            self.data = None
            raise ValueError(self.invalid_message or INVALID_CHOICE) from None
