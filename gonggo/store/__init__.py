"""The program history store: every announcement ever ingested (keyed by content sha256), each
program's editions over time, rule configs (proposed / approved, who / when / why) and change
sets between editions. SQLite by default, PostgreSQL by URL; one code path (SQLAlchemy 2,
migrations by Alembic, run on first use).
"""
