"""Face-to-face course sessions, bookings and their waiting lists; mail attachments (.ics).

Revision ID: ab7d95e1af85
Revises: 1c9192811255
Create Date: 2026-11-23 15:47:07.857499

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'ab7d95e1af85'
down_revision = '1c9192811255'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('course_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('course', sa.String(length=64), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('ends_at', sa.DateTime(), nullable=False),
    sa.Column('venue', sa.String(length=200), nullable=False),
    sa.Column('online_link', sa.String(length=300), nullable=True),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('taken', sa.Integer(), nullable=False),
    sa.Column('agency_cap', sa.Integer(), nullable=True),
    sa.Column('booking_opens_at', sa.DateTime(), nullable=False),
    sa.Column('booking_closes_at', sa.DateTime(), nullable=False),
    sa.Column('cancel_by', sa.DateTime(), nullable=False),
    sa.Column('promote_until', sa.DateTime(), nullable=False),
    sa.Column('cancelled_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint('agency_cap IS NULL OR agency_cap >= 1', name=op.f('ck_course_sessions_agency_cap_positive')),
    sa.CheckConstraint('capacity >= 0', name=op.f('ck_course_sessions_capacity_not_negative')),
    sa.CheckConstraint('ends_at > starts_at', name=op.f('ck_course_sessions_ends_after_start')),
    sa.CheckConstraint('taken >= 0 AND taken <= capacity', name=op.f('ck_course_sessions_taken_within_capacity')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_course_sessions'))
    )
    with op.batch_alter_table('course_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_course_sessions_course'), ['course'], unique=False)

    op.create_table('bookings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('confirmed', 'waiting', 'cancelled', name='booking_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('booked_at', sa.DateTime(), nullable=False),
    sa.Column('confirmed_at', sa.DateTime(), nullable=True),
    sa.Column('cancelled_at', sa.DateTime(), nullable=True),
    sa.Column('late_cancellation', sa.Boolean(), nullable=False),
    sa.Column('reminded_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['session_id'], ['course_sessions.id'], name=op.f('fk_bookings_session_id_course_sessions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_bookings_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bookings'))
    )
    with op.batch_alter_table('bookings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_bookings_session_id'), ['session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_bookings_user_id'), ['user_id'], unique=False)
        batch_op.create_index('one_live_booking', ['session_id', 'user_id'], unique=True, sqlite_where=sa.text("status IN ('confirmed', 'waiting')"), postgresql_where=sa.text("status IN ('confirmed', 'waiting')"))

    op.create_table('session_trainers',
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['course_sessions.id'], name=op.f('fk_session_trainers_session_id_course_sessions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_session_trainers_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('session_id', 'user_id', name=op.f('pk_session_trainers'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('attachment_name', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('attachment_type', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('attachment', sa.Text(), nullable=True))



def downgrade():
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('attachment')
        batch_op.drop_column('attachment_type')
        batch_op.drop_column('attachment_name')

    op.drop_table('session_trainers')
    with op.batch_alter_table('bookings', schema=None) as batch_op:
        batch_op.drop_index('one_live_booking', sqlite_where=sa.text("status IN ('confirmed', 'waiting')"), postgresql_where=sa.text("status IN ('confirmed', 'waiting')"))
        batch_op.drop_index(batch_op.f('ix_bookings_user_id'))
        batch_op.drop_index(batch_op.f('ix_bookings_session_id'))

    op.drop_table('bookings')
    with op.batch_alter_table('course_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_course_sessions_course'))

    op.drop_table('course_sessions')
