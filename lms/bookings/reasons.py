"""Why a booking, a session or a register could not be changed, in the reader's language."""

from flask_babel import lazy_gettext as _l

REASONS = {
    "cancelled": _l("This session has been cancelled."),
    "past": _l("This session has already started or taken place."),
    "not_open": _l("Booking for this session has not opened yet."),
    "closed": _l("Booking for this session has closed."),
    "already_booked": _l("You already have a place or a place on the waiting list for this "
                         "session."),
    "not_yours": _l("That booking is not yours, so nothing was changed."),
    "already_cancelled": _l("That booking was already cancelled."),
    "no_booking": _l("That booking does not exist, so nothing was changed."),
    "ends_before_start": _l("The end must be after the start"),
    "deadlines": _l("Booking must open before it closes, and booking and free cancellation must "
                    "end by the start of the session"),
    "capacity_below_taken": _l("Places cannot be fewer than the places already booked. Move or "
                               "cancel bookings first."),
    "not_waiting": _l("That person is no longer on the waiting list, so nothing was changed."),
    "full": _l("That session has no free place, so nothing was changed."),
    "same_session": _l("Choose a different session to move to."),
    "other_course": _l("People can only be moved to a session of the same course."),
    "register_closed": _l("The register is closed, so nothing was changed."),
    "register_not_open": _l("The register opens an hour before the session starts."),
    "not_on_register": _l("Someone in the form has no place on this session, so nothing was "
                          "saved. Reload the register and try again."),
    "minutes_late": _l("Enter how many minutes late, from 0 to 600"),
    "walk_in_details": _l("There is no account with that email address: enter their full name "
                          "and organisation too."),
    "already_on_register": _l("That person is already on the register."),
    "not_attended": _l("You can give feedback once the trainer has recorded your attendance."),
    "already_evaluated": _l("You have already told us what you thought of this session. Thank "
                            "you."),
    "too_long": _l("Answer must be 2,000 characters or fewer"),
}
