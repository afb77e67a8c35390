"""Learning progress: where each learner is in each item, and the pages they have read.

Revision ID: b9ec204826a4
Revises: 6f2a7f8848aa
Create Date: 2026-11-23 14:15:34.813660

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b9ec204826a4'
down_revision = '6f2a7f8848aa'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('learning_progress',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('item', sa.String(length=64), nullable=False),
    sa.Column('resume_page', sa.String(length=64), nullable=True),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('completed_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_learning_progress_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learning_progress')),
    sa.UniqueConstraint('user_id', 'item', name=op.f('uq_learning_progress_user_id'))
    )
    op.create_table('pages_read',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('item', sa.String(length=64), nullable=False),
    sa.Column('page', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('read_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_pages_read_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'item', 'page', name=op.f('pk_pages_read'))
    )


def downgrade():
    op.drop_table('pages_read')
    op.drop_table('learning_progress')
