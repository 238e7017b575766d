"""Pydantic models: the document model every reader produces, and the announcement contract."""
