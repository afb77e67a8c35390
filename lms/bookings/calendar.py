"""Calendar invitations (.ics) for a booked place, and their cancellation."""

from datetime import UTC

from flask import current_app
from icalendar import Calendar, Event, vCalAddress, vText


def invitation(session, title: str, user, method: str, booking_id: int, sequence: int) -> str:
    """method is REQUEST (a new place, or a change to it) or CANCEL. The uid is the booking's,
    so a calendar updates or removes the one event; a higher sequence marks a newer version."""
    calendar = Calendar()
    calendar.add("prodid", "-//Safeguarding training//lms//EN")
    calendar.add("version", "2.0")
    calendar.add("method", method)
    event = Event()
    host = current_app.config["LMS_BASE_URL"].split("//")[-1].split("/")[0]
    event.add("uid", f"booking-{booking_id}@{host}")  # the same uid, so CANCEL removes it
    event.add("sequence", sequence)
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    event.add("summary", title)
    event.add("dtstart", session.starts_at.replace(tzinfo=UTC))
    event.add("dtend", session.ends_at.replace(tzinfo=UTC))
    event.add("dtstamp", session.starts_at.replace(tzinfo=UTC))
    event.add("location", session.online_link or session.venue)
    organiser = vCalAddress(f"mailto:{current_app.config['LMS_MAIL_FROM']}")
    organiser.params["cn"] = vText(current_app.config["LMS_PARTNERSHIP_NAME"])
    event["organizer"] = organiser
    attendee = vCalAddress(f"mailto:{user.email}")
    attendee.params["cn"] = vText(user.name)
    event.add("attendee", attendee)
    calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")
