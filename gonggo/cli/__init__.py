"""The `gonggo` command line: a thin layer over ingest → extract → validate → diff/export."""


class UserError(Exception):
    """A problem with what the user gave us (not a reading error): one line, exit 1."""
