"""The relational store (SQLAlchemy): models, ingest, queries."""
