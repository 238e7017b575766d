"""The `gonggo` command line: a thin layer over ingest → extract → validate → diff/export."""
