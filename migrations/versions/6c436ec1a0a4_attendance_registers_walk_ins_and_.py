"""Attendance registers, walk-ins, certificates of attendance, the agency charged, evaluations.

Revision ID: 6c436ec1a0a4
Revises: ab7d95e1af85
Create Date: 2026-12-04 23:46:16.701508

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '6c436ec1a0a4'
down_revision = 'ab7d95e1af85'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('evaluations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('booking_id', sa.Integer(), nullable=False),
    sa.Column('course', sa.String(length=64), nullable=False),
    sa.Column('usefulness', sa.Integer(), nullable=False),
    sa.Column('confidence_before', sa.Integer(), nullable=False),
    sa.Column('confidence_after', sa.Integer(), nullable=False),
    sa.Column('will_do_differently', sa.Text(), nullable=True),
    sa.Column('submitted_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('confidence_after BETWEEN 0 AND 10', name=op.f('ck_evaluations_confidence_after_0_to_10')),
    sa.CheckConstraint('confidence_before BETWEEN 0 AND 10', name=op.f('ck_evaluations_confidence_before_0_to_10')),
    sa.CheckConstraint('usefulness BETWEEN 1 AND 5', name=op.f('ck_evaluations_usefulness_1_to_5')),
    sa.ForeignKeyConstraint(['booking_id'], ['bookings.id'], name=op.f('fk_evaluations_booking_id_bookings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluations')),
    sa.UniqueConstraint('booking_id', name=op.f('uq_evaluations_booking_id'))
    )
    with op.batch_alter_table('evaluations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evaluations_course'), ['course'], unique=False)

    with op.batch_alter_table('bookings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('agency_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('walk_in', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('calendar_sequence', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('attendance', sa.Enum('present', 'late', 'absent', 'excused', name='attendance', native_enum=False, create_constraint=True, length=32), nullable=True))
        batch_op.add_column(sa.Column('minutes_late', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('certificate_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_bookings_agency_id'), ['agency_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_bookings_agency_id_agencies'), 'agencies', ['agency_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_bookings_certificate_id_certificates'), 'certificates', ['certificate_id'], ['id'])
        batch_op.create_check_constraint('attendance_of_a_place', "attendance IS NULL OR status = 'confirmed'")
        batch_op.create_check_constraint('minutes_late_when_late', "minutes_late IS NULL OR (attendance = 'late' AND minutes_late >= 0)")
    # Bookings made so far are charged to the agency their person works for now.
    op.execute("UPDATE bookings SET agency_id = (SELECT agency_id FROM users WHERE users.id = bookings.user_id)")
    with op.batch_alter_table('bookings', schema=None) as batch_op:
        batch_op.alter_column('walk_in', server_default=None)
        batch_op.alter_column('calendar_sequence', server_default=None)

    with op.batch_alter_table('course_sessions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('register_closed_at', sa.DateTime(), nullable=True))



def downgrade():
    with op.batch_alter_table('course_sessions', schema=None) as batch_op:
        batch_op.drop_column('register_closed_at')

    with op.batch_alter_table('bookings', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_bookings_minutes_late_when_late'), type_='check')
        batch_op.drop_constraint(batch_op.f('ck_bookings_attendance_of_a_place'), type_='check')
        batch_op.drop_constraint(batch_op.f('ck_bookings_attendance'), type_='check')
        batch_op.drop_constraint(batch_op.f('fk_bookings_certificate_id_certificates'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_bookings_agency_id_agencies'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_bookings_agency_id'))
        batch_op.drop_column('certificate_id')
        batch_op.drop_column('minutes_late')
        batch_op.drop_column('attendance')
        batch_op.drop_column('calendar_sequence')
        batch_op.drop_column('walk_in')
        batch_op.drop_column('agency_id')

    with op.batch_alter_table('evaluations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evaluations_course'))

    op.drop_table('evaluations')
