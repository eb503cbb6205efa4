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
            raise InputError("this file is not a CLV Desk project (no 'format: clvdesk-project')")
        version = data.get("version")
        if not isinstance(version, int) or version > VERSION:
            raise InputError(
                f"project file version {version!r} is newer than this CLV Desk understands "
                f"({VERSION}); update CLV Desk"
            )
        raw_source = data.get("source") or {}
        if not isinstance(raw_source, dict):
            raise InputError("project file: 'source' must be an object")
        kind = raw_source.get("kind", "none")
        if kind not in ("none", "file", "demo", "manual"):
            raise InputError(f"project file: unknown data source kind {kind!r}")
        path = raw_source.get("path")
        if path is not None:
            if not isinstance(path, str):
                raise InputError("project file: 'source.path' must be text")
            if base is not None and not os.path.isabs(path):
                path = str((base / path).resolve())
        source = DataSource(
            kind=kind,
            path=path,
            sheet=_optional_str(raw_source.get("sheet"), "source.sheet"),
            mapping=_str_dict(raw_source.get("mapping") or {}, "source.mapping"),
            options=_dict(raw_source.get("options") or {}, "source.options"),
            records=_records(raw_source.get("records") or []),
        )
        scenarios = data.get("scenarios") or []
        if not isinstance(scenarios, list) or not all(isinstance(s, dict) for s in scenarios):
            raise InputError("project file: 'scenarios' must be a list of objects")
        return cls(
            source=source,
            assumptions=_dict(data.get("assumptions") or {}, "assumptions"),
            scenarios=[dict(s) for s in scenarios],
            notes=str(data.get("notes") or ""),
        )


def save_project(project: Project, path: str | os.PathLike) -> Path:
    """Write ``project`` to ``path`` atomically as indented UTF-8 JSON."""
    path = check_output(path, [project.source.path])
    text = json.dumps(project.to_dict(base=path.parent.resolve()), indent=2, ensure_ascii=False)
    return write_text_atomic(path, text + "\n")


def load_project(path: str | os.PathLike) -> Project:
    """Read a project file; raises InputError with a readable message if it is unusable."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"project file not found: {path}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path.name} is not a CLV Desk project (not UTF-8 text)") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path.name} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    return Project.from_dict(data, base=path.parent.resolve())


def _relative_if_under(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base).as_posix()
    except ValueError:
        return str(path)


def _optional_str(value: Any, name: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise InputError(f"project file: '{name}' must be text")


def _dict(value: Any, name: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError(f"project file: '{name}' must be an object")
    return dict(value)


def _str_dict(value: Any, name: str) -> dict[str, str]:
    value = _dict(value, name)
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise InputError(f"project file: '{name}' must map names to column names")
    return value


def _records(value: Any) -> list[list[str]]:
    if not isinstance(value, list) or not all(isinstance(r, list) for r in value):
        raise InputError("project file: 'source.records' must be a list of rows")
    return [["" if c is None else str(c) for c in row] for row in value]
