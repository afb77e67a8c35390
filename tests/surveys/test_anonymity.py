"""Anonymous by construction: the schema of responses can hold nothing that identifies a student
or orders their answers. This fails if such a column is ever added."""

from sqlalchemy import Date, DateTime, Integer, inspect

from lms.extensions import db

TABLES = ("survey_responses", "survey_answers")
IDENTIFYING = ("user", "ip", "address", "agent", "email", "name", "device", "session", "cookie",
               "time", "created", "seq", "serial")


def test_responses_hold_no_identity_no_time_of_day_and_no_sequence(app):
    inspector = inspect(db.engine)
    for table in TABLES:
        columns = inspector.get_columns(table)
        for column in columns:
            name = column["name"].lower()
            assert not any(word in name for word in IDENTIFYING), f"{table}.{name}"
            assert not isinstance(column["type"], DateTime), f"{table}.{name} has a time of day"
            if isinstance(column["type"], Date):
                assert name == "answered_on"
        for key in inspector.get_foreign_keys(table):
            assert key["referred_table"] in ("survey_campaigns", "survey_schools",
                                             "survey_responses"), f"{table} refers to {key}"
        primary = inspector.get_pk_constraint(table)["constrained_columns"]
        for column in columns:
            if column["name"] in primary:
                # An auto-numbered key would give away the order of answers.
                assert not (isinstance(column["type"], Integer) and len(primary) == 1), table
