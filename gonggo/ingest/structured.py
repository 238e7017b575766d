"""Specs, rule configs and applicant profiles (JSON / YAML) read within bounds.

    data = load_json(path, MAX_SPEC_BYTES)
    data = load_yaml(path, MAX_CONFIG_BYTES)

Before any validation: the file is a regular file within its size limit and valid UTF-8;
JSON numbers have at most MAX_NUMBER_DIGITS digits (NaN and Infinity are refused); YAML uses
at most MAX_YAML_ALIASES aliases (billion laughs); nesting is at most MAX_NESTING_DEPTH;
lists hold at most MAX_ITEMS entries (programs MAX_PROGRAMS, tracks MAX_TRACKS). Every
failure is a `DataError`, printed as one line naming the file.
"""

from __future__ import annotations

import json
from functools import lru_cache
from os import PathLike
from typing import Any

from gonggo.ingest.errors import IngestError
from gonggo.ingest.files import printable, read_input
from gonggo.ingest.limits import (
    MAX_ITEMS,
    MAX_NESTING_DEPTH,
    MAX_NUMBER_DIGITS,
    MAX_PROGRAMS,
    MAX_TRACKS,
    MAX_YAML_ALIASES,
    MAX_YAML_NODES,
)

MAX_NODES = 2_000_000  # values in one expanded document (aliases expanded)
_LIST_LIMITS = {"programs": MAX_PROGRAMS, "tracks": MAX_TRACKS}


class DataError(IngestError):
    what = "unreadable data"


def _text(path: str | PathLike[str], limit: int) -> str:
    data = read_input(path, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise DataError(f"not UTF-8 text (byte {err.start})", printable(path)) from None


def _number(kind: str) -> Any:
    def parse(text: str) -> int | float:
        if len(text) > MAX_NUMBER_DIGITS:
            raise DataError(f"a number of {len(text)} digits (limit {MAX_NUMBER_DIGITS})")
        return int(text) if kind == "int" else float(text)
    return parse


def _constant(name: str) -> Any:
    raise DataError(f"{name} is not a number gonggo accepts")


def load_json(path: str | PathLike[str], limit: int) -> Any:
    name = printable(path)
    text = _text(path, limit)
    try:
        data = json.loads(text, parse_int=_number("int"), parse_float=_number("float"),
                          parse_constant=_constant)
    except DataError as err:
        err.path = name
        raise
    except RecursionError:
        raise DataError(f"nested more than {MAX_NESTING_DEPTH} levels", name) from None
    except json.JSONDecodeError as err:
        raise DataError(f"not JSON ({err.msg} at line {err.lineno})", name) from None
    except ValueError as err:
        raise DataError(f"not JSON ({err})"[:200], name) from None
    check_shape(data, name)
    return data


@lru_cache(maxsize=1)
def _bounded_loader() -> Any:
    """The bounded YAML loader class, made on first use (PyYAML loads with the first YAML
    file, not with every JSON spec)."""
    import yaml

    class _BoundedLoader(yaml.SafeLoader):
        """SafeLoader that counts alias uses and nesting while composing the node graph."""

        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self._aliases = 0
            self._depth = 0
            self._nodes = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                self._aliases += 1
                if self._aliases > MAX_YAML_ALIASES:
                    raise DataError(f"more than {MAX_YAML_ALIASES} YAML aliases (a billion-laughs "
                                    "bomb?)")
            self._depth += 1
            self._nodes += 1
            if self._nodes > MAX_YAML_NODES:
                raise DataError(f"more than {MAX_YAML_NODES} YAML values (limit)")
            try:
                if self._depth > MAX_NESTING_DEPTH:
                    raise DataError(f"nested more than {MAX_NESTING_DEPTH} levels")
                return super().compose_node(parent, index)
            finally:
                self._depth -= 1

    return _BoundedLoader


def load_yaml(path: str | PathLike[str], limit: int) -> Any:
    name = printable(path)
    text = _text(path, limit)
    import yaml

    loader = None
    try:
        loader = _bounded_loader()(text)  # its reader refuses control characters at once
        data = loader.get_single_data()
    except DataError as err:
        err.path = name
        raise
    except RecursionError:
        raise DataError(f"nested more than {MAX_NESTING_DEPTH} levels", name) from None
    except yaml.YAMLError as err:
        where = getattr(err, "problem_mark", None)
        line = f" at line {where.line + 1}" if where is not None else ""
        raise DataError(f"not YAML ({getattr(err, 'problem', None) or 'syntax error'}{line})",
                        name) from None
    finally:
        if loader is not None:
            loader.dispose()
    check_shape(data, name)
    return data


def check_shape(data: Any, name: str = "") -> None:
    """Depth, list lengths and total values (aliases expanded), walked without recursion."""
    stack: list[tuple[Any, int, str]] = [(data, 1, "")]
    nodes = 0
    while stack:
        node, depth, key = stack.pop()
        nodes += 1
        if nodes > MAX_NODES:
            raise DataError(f"more than {MAX_NODES} values", name)
        if depth > MAX_NESTING_DEPTH:
            raise DataError(f"nested more than {MAX_NESTING_DEPTH} levels", name)
        if isinstance(node, dict):
            if len(node) > MAX_ITEMS:
                raise DataError(f"a mapping of {len(node)} keys (limit {MAX_ITEMS})", name)
            stack.extend((v, depth + 1, str(k)) for k, v in node.items())
        elif isinstance(node, list):
            limit = _LIST_LIMITS.get(key, MAX_ITEMS)
            if len(node) > limit:
                raise DataError(f"{len(node)} {key or 'items'} (limit {limit})", name)
            stack.extend((v, depth + 1, "") for v in node)
