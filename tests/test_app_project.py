"""Project files: readable JSON, atomic saves, clear errors for broken files."""

import json

import pytest

from clvdesk.app.project import DataSource, Project, load_project, save_project
from clvdesk.core.errors import InputError


def test_round_trip_keeps_everything_and_is_readable(tmp_path):
    data = tmp_path / "orders.csv"
    data.write_text("klant;datum;bedrag\n1;01-02-2024;12,50\n", encoding="utf-8")
    project = Project(
        source=DataSource(kind="file", path=str(data), sheet=None,
                          mapping={"customer_id": "klant", "date": "datum", "amount": "bedrag"},
                          options={"decimal": ",", "dayfirst": True}),
        assumptions={"period": "weeks", "horizon": 12, "margin": 0.3, "cac_by_segment": {"b2b": 80}},
        scenarios=[{"name": "Repeat buyer", "aov": 40.0, "frequency": 4.0, "lifespan": 5.0}],
    )
    target = tmp_path / "analysis.clvproj"
    save_project(project, target)
    text = target.read_text(encoding="utf-8")
    raw = json.loads(text)
    assert raw["format"] == "clvdesk-project" and raw["version"] == 1
    assert raw["source"]["path"] == "orders.csv"  # relative to the project folder
    assert '\n  "assumptions"' in text  # indented, for people
    back = load_project(target)
    assert back.source.path == str(data.resolve())
    assert back.source.mapping == project.source.mapping
    assert back.source.options == project.source.options
    assert back.assumptions == project.assumptions
    assert back.scenarios == project.scenarios
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp files left


def test_failed_save_keeps_the_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "p.clvproj"
    save_project(Project(notes="first"), target)

    import clvdesk.app.project as module

    def broken(path, text, encoding="utf-8"):
        from clvdesk.core.io.atomic import write_atomic

        def write(tmp):
            tmp.write_text(text[:10], encoding=encoding)
            raise OSError(28, "No space left on device")

        return write_atomic(path, write)

    monkeypatch.setattr(module, "write_text_atomic", broken)
    with pytest.raises(OSError):
        save_project(Project(notes="second"), target)
    assert load_project(target).notes == "first"


@pytest.mark.parametrize("content, message", [
    ("not json", "not valid JSON"),
    ('{"format": "something"}', "not a CLV Desk project"),
    ('{"format": "clvdesk-project", "version": 99}', "newer than this CLV Desk"),
    ('{"format": "clvdesk-project", "version": 1, "scenarios": 3}', "'scenarios' must be a list"),
    ('{"format": "clvdesk-project", "version": 1, "source": {"kind": "ftp"}}', "unknown data source"),
])
def test_broken_project_files_raise_one_line_errors(tmp_path, content, message):
    path = tmp_path / "bad.clvproj"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_project(path)


def test_missing_and_binary_files(tmp_path):
    with pytest.raises(InputError, match="not found"):
        load_project(tmp_path / "nope.clvproj")
    binary = tmp_path / "x.clvproj"
    binary.write_bytes(b"\xff\xfe\x00\x81garbage")
    with pytest.raises(InputError, match="not a CLV Desk project"):
        load_project(binary)
