"""An extracted spec read back (`gonggo diff OLD.json NEW.json`, `export`, `--summary`).

Apart from `gonggo.cli.commands` so that a diff of two specs loads the contract and the JSON
reader only, not the batch commands' pipeline, atomic writer and tables.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from gonggo.cli import UserError

if TYPE_CHECKING:
    from gonggo.schemas.announcement import Announcement


class SpecError(UserError):
    """A JSON file given where a spec was expected that is not one."""


def load_spec(path: Path) -> Announcement:
    """An extracted spec (JSON with `schema_version`) or an announcement file to extract."""
    if path.suffix.lower() == ".json":
        from pydantic import ValidationError

        from gonggo.ingest.files import printable
        from gonggo.ingest.limits import MAX_SPEC_BYTES
        from gonggo.ingest.structured import load_json
        from gonggo.schemas.announcement import Announcement

        data = load_json(path, MAX_SPEC_BYTES)
        if isinstance(data, dict) and "schema_version" in data:
            try:
                return Announcement.model_validate(data)
            except ValidationError as err:
                raise SpecError(f"{printable(path)}: not a valid gonggo spec "
                                f"({err.error_count()} schema errors)") from None
    from gonggo.cli.commands import process

    return process(path)
