"""gonggo (공고): Korean support-program announcements to evidence-backed program specs.

    import gonggo
    result = gonggo.parse("공고문.hwp")      # document, spec, findings

Floors, bottom up (a module imports only from its own floor or below; fact families never
import each other): `schemas`, `vocab` → `ingest` → `reading` → `extractors` → `validate`
→ `changes`, `export` → `pipeline`, `batch`, `eval`, `langchain_loader` → `store` → `web` → `cli`.
"""

from __future__ import annotations

# not `from typing import TYPE_CHECKING`: `gonggo --help` imports this package, not typing
TYPE_CHECKING = False

__version__ = "0.2.0"
__all__ = ["Result", "__version__", "parse"]

if TYPE_CHECKING:
    from gonggo.pipeline import Result, parse


def __getattr__(name: str):
    if name in ("parse", "Result", "parse_document"):
        from gonggo import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'gonggo' has no attribute {name!r}")
