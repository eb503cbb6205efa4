"""The project file: one analysis session, saved as readable JSON (``*.clvproj``).

It holds where the orders come from (a file with its sheet, reader options and column mapping;
the embedded demo; or the rows typed by hand), the costs and assumptions, and the scenarios.
Results are not stored: reopening a project re-reads the data and re-runs the analysis, so a
project never shows numbers that no longer match its data.

Example::

    {
      "format": "clvdesk-project",
      "version": 1,
      "source": {"kind": "file", "path": "orders.csv", "sheet": null,
                 "mapping": {"customer_id": "klantnummer", "date": "datum", "amount": "bedrag"},
                 "options": {}, "records": []},
      "assumptions": {"period": "weeks", "horizon": 12, "horizon_unit": "months", ...},
      "scenarios": [{"name": "Repeat buyer", "aov": 50, ...}]
    }

Saves are atomic (:func:`clvdesk.core.io.atomic.write_text_atomic`): a crash mid-save leaves the
previous file intact. A data file path is stored relative to the project's folder when it lies
under it, so a folder with a project and its data can be moved or shared as a whole.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from clvdesk.core.errors import InputError
from clvdesk.core.io.atomic import write_text_atomic
from clvdesk.core.io.outputs import check_output

FORMAT = "clvdesk-project"
VERSION = 1
SUFFIX = ".clvproj"

SourceKind = Literal["none", "file", "demo", "manual"]


@dataclass
class DataSource:
    """Where the orders come from and how to read them."""

    kind: SourceKind = "none"
    path: str | None = None
    sheet: str | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    records: list[list[str]] = field(default_factory=list)


@dataclass
class Project:
    """Everything needed to redo an analysis session."""

    source: DataSource = field(default_factory=DataSource)
    assumptions: dict[str, Any] = field(default_factory=dict)
    scenarios: list[dict[str, Any]] = field(default_factory=list)
    notes: str = ""

    def to_dict(self, base: Path | None = None) -> dict[str, Any]:
        """A JSON-ready dict; ``base`` (the project folder) makes data paths relative."""
        source = asdict(self.source)
        if source["path"] and base is not None:
            source["path"] = _relative_if_under(Path(source["path"]), base)
        return {
            "format": FORMAT,
            "version": VERSION,
            "source": source,
            "assumptions": dict(self.assumptions),
            "scenarios": [dict(s) for s in self.scenarios],
            "notes": self.notes,
        }

    @classmethod
    def from_dict(cls, data: Any, base: Path | None = None) -> Project:
        """Build a project from parsed JSON; raises InputError for anything malformed."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise InputError(code="project_not_project")
        version = data.get("version")
        if not isinstance(version, int) or version > VERSION:
            raise InputError(code="project_newer", version=str(version), supported=VERSION)
        raw_source = data.get("source") or {}
        if not isinstance(raw_source, dict):
            _bad_field("source", "not_object")
        kind = raw_source.get("kind", "none")
        if kind not in ("none", "file", "demo", "manual"):
            _bad_field("source.kind", "unknown_source", kind=str(kind))
        path = raw_source.get("path")
        if path is not None:
            if not isinstance(path, str) or "\0" in path or len(path) > 4096:
                _bad_field("source.path", "not_path")
            if base is not None and not os.path.isabs(path):
                path = str((base / path).resolve())
        source = DataSource(
            kind=kind,
            path=path,
            sheet=_optional_str(raw_source.get("sheet"), "source.sheet"),
            mapping=_str_dict(raw_source.get("mapping") or {}, "source.mapping"),
            options=_reader_options(raw_source.get("options") or {}),
            records=_records(raw_source.get("records") or []),
        )
        scenarios = data.get("scenarios") or []
        if not isinstance(scenarios, list) or not all(isinstance(s, dict) for s in scenarios):
            _bad_field("scenarios", "not_list_of_objects")
        for number, scenario in enumerate(scenarios, 1):
            _check_scenario(scenario, number)
        notes = data.get("notes") or ""
        if not isinstance(notes, str):
            _bad_field("notes", "field_not_text")
        return cls(
            source=source,
            assumptions=check_assumptions(_dict(data.get("assumptions") or {}, "assumptions")),
            scenarios=[dict(s) for s in scenarios],
            notes=notes,
        )


def save_project(project: Project, path: str | os.PathLike) -> Path:
    """Write ``project`` to ``path`` atomically as indented UTF-8 JSON."""
    path = check_output(path, [project.source.path])
    text = json.dumps(project.to_dict(base=path.parent.resolve()), indent=2, ensure_ascii=False)
    return write_text_atomic(path, text + "\n")


#: Largest project file read (typed orders included); a bigger one is no project.
MAX_PROJECT_BYTES = 20 * 1024 * 1024
#: Deepest nesting of objects and lists in a project file (a real one nests 4 deep).
MAX_NESTING = 12
#: Reader options a project may store, and the types they take (see ``read_orders``).
READER_OPTIONS: dict[str, tuple[type, ...]] = {
    "header_row": (int,), "decimal": (str,), "dayfirst": (bool,), "encoding": (str,),
    "delimiter": (str,),
}


def load_project(path: str | os.PathLike) -> Project:
    """Read a project file; raises InputError with a readable message if it is unusable.

    Only a regular file is read (a FIFO or a link to ``/dev/zero`` is refused without
    blocking), at most :data:`MAX_PROJECT_BYTES`, nested at most :data:`MAX_NESTING` deep;
    every field is checked against the schema (:meth:`Project.from_dict`), naming the bad one.
    """
    path = Path(path)
    text = _read_regular_file(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            code="project_not_json", file=path.name, line=exc.lineno) from None
    except RecursionError:
        data = None
    if data is None or _depth(data) > MAX_NESTING:
        raise InputError(code="project_too_deep", file=path.name)
    return Project.from_dict(data, base=path.parent.resolve())


def _read_regular_file(path: Path) -> str:
    """The file's text; InputError for anything but a regular UTF-8 file of bounded size."""
    import stat

    if "\0" in str(path):
        raise InputError(code="path_has_nul")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InputError(code="file_not_found",
                         file=str(path)) from None
    except OSError as exc:
        raise InputError(code="file_unreadable", file=str(path),
                         problem=str(exc.strerror or exc)) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise InputError(code="not_a_regular_file", file=path.name)
        if info.st_size > MAX_PROJECT_BYTES:
            raise InputError(code="project_too_large", file=path.name)
        data = handle.read(MAX_PROJECT_BYTES + 1)
    if len(data) > MAX_PROJECT_BYTES:
        raise InputError(code="project_too_large",
                         file=path.name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(code="project_not_text", file=path.name) from None


def _depth(value: Any) -> int:
    """How deep lists and objects nest in ``value`` (iteratively: no recursion limit)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            if level > MAX_NESTING:
                return level
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)
    return deepest


def check_assumptions(values: dict[str, Any]) -> dict[str, Any]:
    """Each assumption of a project checked by the core's own rules, one at a time.

    So that the message names the field (``assumptions.horizon``). Raises InputError.
    """
    from clvdesk.core.errors import CLVError
    from clvdesk.core.pipeline import Assumptions

    known = set(Assumptions.__dataclass_fields__)
    for key, value in values.items():
        if key == "currency":
            if not isinstance(value, str) or not value.strip() or len(value) > 5:
                _bad_field("assumptions.currency", "bad_currency")
            continue
        if key not in known:
            _bad_field(f"assumptions.{key}", "unknown_assumption")
        if key == "segment_col" and value is not None and not isinstance(value, str):
            _bad_field("assumptions.segment_col", "not_column_name")
        if key == "cac_by_segment" and not isinstance(value, dict):
            _bad_field("assumptions.cac_by_segment", "not_cost_map")
        if key in ("compare_models",) and not isinstance(value, list | tuple):
            _bad_field(f"assumptions.{key}", "not_model_list")
        if isinstance(value, dict | list) and key not in ("cac_by_segment", "compare_models"):
            _bad_field(f"assumptions.{key}", "not_single")
        single = {key: tuple(value) if key == "compare_models" else value}
        if key == "holdout_end":
            single["end"] = values.get("end")
        try:
            Assumptions(**single).validated()
        except CLVError as exc:
            if key == "holdout_end" and "end" in str(exc) and "holdout" not in str(exc):
                continue  # a bad end date is reported under assumptions.end
            _bad_field(f"assumptions.{key}", "wrong_value", reason=exc)
        except (TypeError, ValueError, OverflowError, AttributeError):
            _bad_field(f"assumptions.{key}", "wrong_type")
    return dict(values)


def _bad_field(field: str, problem: str, **values: Any) -> None:
    """Refuse the project file: its ``field`` has ``problem`` (code ``project_<problem>``)."""
    raise InputError(code=f"project_{problem}", field=field, **values)


def _relative_if_under(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base).as_posix()
    except ValueError:
        return str(path)


def _optional_str(value: Any, name: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    _bad_field(name, "field_not_text")


def _dict(value: Any, name: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        _bad_field(name, "not_object")
    return dict(value)


def _str_dict(value: Any, name: str) -> dict[str, str]:
    value = _dict(value, name)
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        _bad_field(name, "not_column_map")
    return value


def _reader_options(value: Any) -> dict[str, Any]:
    """``source.options``: only options of ``read_orders``, each of its type, checked."""
    options = _dict(value, "source.options")
    for key, item in options.items():
        kinds = READER_OPTIONS.get(key)
        if kinds is None:
            _bad_field(f"source.options.{key}", "unknown_option",
                       options=", ".join(READER_OPTIONS))
        if item is not None and (not isinstance(item, kinds)
                                 or (bool not in kinds and isinstance(item, bool))):
            _bad_field(f"source.options.{key}", "wrong_type")
    from clvdesk.core.io.readers import _check_options

    try:
        _check_options(options.get("decimal"), options.get("header_row"),
                       options.get("encoding"))
    except InputError as exc:
        _bad_field("source.options", "wrong_value", reason=exc)
    delimiter = options.get("delimiter")
    if delimiter is not None and (len(delimiter) != 1 and delimiter not in ("tab", "\\t")):
        _bad_field("source.options.delimiter", "not_one_character")
    return options


def _check_scenario(entry: dict, number: int) -> None:
    """Types of one scenario: a text name, numbers (or empty cells) for the core's inputs.

    Ranges are the Scenarios page's business (a half-typed scenario may be saved and shows
    its problem under the table); a wrong type would break the page, so it is refused here.
    """
    import math

    from clvdesk.core.scenarios import DRIVERS

    name = entry.get("name")
    if name is not None and not isinstance(name, str):
        _bad_field(f"scenarios[{number}].name", "field_not_text")
    for key, value in entry.items():
        if isinstance(value, dict | list):
            _bad_field(f"scenarios[{number}].{key}", "not_single")
        if key in DRIVERS and value is not None and (
                isinstance(value, bool) or not isinstance(value, int | float)
                or not math.isfinite(value)):
            _bad_field(f"scenarios[{number}].{key}", "not_a_number")


def _records(value: Any) -> list[list[str]]:
    if not isinstance(value, list) or not all(isinstance(r, list) for r in value):
        _bad_field("source.records", "not_rows")
    return [["" if c is None else str(c) for c in row] for row in value]
