"""The anonymous impact questionnaire: campaigns, schools with access codes, responses with random ids and no time of day, answers.

Revision ID: 73ad5ce62973
Revises: 6c436ec1a0a4
Create Date: 2026-12-05 00:07:10.956944

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '73ad5ce62973'
down_revision = '6c436ec1a0a4'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('survey_campaigns',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('survey', sa.String(length=64), nullable=False),
    sa.Column('opens_on', sa.Date(), nullable=False),
    sa.Column('closes_on', sa.Date(), nullable=False),
    sa.Column('pairing', sa.Boolean(), nullable=False),
    sa.Column('closed_early_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('closes_on >= opens_on', name=op.f('ck_survey_campaigns_closes_after_opening')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_campaigns'))
    )
    op.create_table('survey_schools',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['survey_campaigns.id'], name=op.f('fk_survey_schools_campaign_id_survey_campaigns'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_schools')),
    sa.UniqueConstraint('code', name=op.f('uq_survey_schools_code'))
    )
    with op.batch_alter_table('survey_schools', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_schools_campaign_id'), ['campaign_id'], unique=False)

    op.create_table('survey_responses',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('part', sa.String(length=8), nullable=False),
    sa.Column('language', sa.String(length=5), nullable=False),
    sa.Column('answered_on', sa.Date(), nullable=False),
    sa.Column('pairing_hash', sa.String(length=64), nullable=True),
    sa.CheckConstraint("part IN ('before', 'after')", name=op.f('ck_survey_responses_part_known')),
    sa.ForeignKeyConstraint(['campaign_id'], ['survey_campaigns.id'], name=op.f('fk_survey_responses_campaign_id_survey_campaigns'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['school_id'], ['survey_schools.id'], name=op.f('fk_survey_responses_school_id_survey_schools'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_responses'))
    )
    with op.batch_alter_table('survey_responses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_responses_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_survey_responses_pairing_hash'), ['pairing_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_survey_responses_school_id'), ['school_id'], unique=False)

    op.create_table('survey_answers',
    sa.Column('response_id', sa.String(length=32), nullable=False),
    sa.Column('question', sa.String(length=64), nullable=False),
    sa.Column('option', sa.String(length=40), nullable=False),
    sa.Column('number', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['response_id'], ['survey_responses.id'], name=op.f('fk_survey_answers_response_id_survey_responses'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('response_id', 'question', 'option', name=op.f('pk_survey_answers'))
    )


def downgrade():
    op.drop_table('survey_answers')
    with op.batch_alter_table('survey_responses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_responses_school_id'))
        batch_op.drop_index(batch_op.f('ix_survey_responses_pairing_hash'))
        batch_op.drop_index(batch_op.f('ix_survey_responses_campaign_id'))

    op.drop_table('survey_responses')
    with op.batch_alter_table('survey_schools', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_schools_campaign_id'))

    op.drop_table('survey_schools')
    op.drop_table('survey_campaigns')
