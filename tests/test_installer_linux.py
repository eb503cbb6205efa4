"""Linux packaging: desktop entry, AppStream metainfo, icons, and the per-user install.sh /
uninstall.sh run from a release tarball (built here around a stand-in app folder)."""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import stat
import struct
import subprocess
import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "installer" / "linux"
ICONS = ROOT / "installer" / "icons"
APP_ID = "nl.clvdesk.CLVDesk"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _load_build_module():
    spec = importlib.util.spec_from_file_location(
        "clvdesk_installer_build", ROOT / "installer" / "build.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load_build_module()


def _desktop_entry(path: Path) -> dict[str, str]:
    parser = configparser.RawConfigParser(delimiters=("=",), interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_desktop_entry_launches_the_app():
    entry = _desktop_entry(LINUX / "clvdesk.desktop")
    assert entry["Type"] == "Application"
    assert entry["Name"] == "CLV Desk"
    assert entry["Exec"] == "clvdesk gui %f"  # install.sh makes the path absolute
    assert entry["TryExec"] == "clvdesk"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert "Office" in entry["Categories"].split(";")
    assert "text/csv" in entry["MimeType"].split(";")
    assert entry["Comment[nl]"] and entry["GenericName[nl]"]
    validator = shutil.which("desktop-file-validate")
    if validator:
        result = subprocess.run([validator, str(LINUX / "clvdesk.desktop")],
                                capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_appstream_metainfo_describes_the_app():
    path = LINUX / f"{APP_ID}.metainfo.xml"
    root = ET.parse(path).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    assert root.findtext("name") == "CLV Desk"
    summaries = {s.get(XML_LANG): s.text for s in root.findall("summary")}
    assert set(summaries) == {None, "nl"} and all(summaries.values())
    assert root.find("description/p") is not None
    launchable = root.find("launchable")
    assert launchable.get("type") == "desktop-id" and launchable.text == f"{APP_ID}.desktop"
    assert root.findtext("icon") == APP_ID
    assert root.findtext("provides/binary") == "clvdesk"
    releases = root.findall("releases/release")
    assert releases[0].get("version") == build.project_version()
    assert len(releases[0].get("date")) == 10
    validator = shutil.which("appstreamcli")
    if validator:
        result = subprocess.run([validator, "validate", "--no-net", str(path)],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_icons_are_valid_images():
    svg = ET.parse(ICONS / "clvdesk.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg" and svg.get("viewBox") == "0 0 256 256"
    png = (ICONS / "clvdesk-256.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (256, 256)
    ico = (ICONS / "clvdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 4
    widths = {ico[6 + 16 * i] or 256 for i in range(count)}  # width 0 means 256
    assert {16, 32, 48, 256} <= widths


def _fake_app(folder: Path, version: str) -> Path:
    """A stand-in for the PyInstaller folder: an executable that answers --version."""
    app = folder / "clvdesk"
    (app / "_internal").mkdir(parents=True)
    exe = app / "clvdesk"
    exe.write_text(f'#!/bin/sh\necho "clvdesk {version}"\n', encoding="utf-8")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    (app / "_internal" / "payload.txt").write_text(version, encoding="utf-8")
    return app


def _unpacked_release(tmp_path: Path, version: str) -> Path:
    app = _fake_app(tmp_path / f"build-{version}", version)
    tarball = build.package_linux(app, tmp_path, version)
    assert tarball.name.startswith(f"clvdesk-{version}-linux-") and tarball.suffixes[-2:] == [".tar", ".gz"]
    unpack = tmp_path / f"unpacked-{version}"
    with tarfile.open(tarball) as tar:
        tar.extractall(unpack, filter="tar")
    return unpack / f"clvdesk-{version}"


@pytest.fixture
def home(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_") and k != "PREFIX"}
    env["HOME"] = str(home)
    env["PATH"] = "/usr/bin:/bin"
    return home, env


def _run(script: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(["sh", str(script)], env=env, capture_output=True, text=True, timeout=60)


def test_install_update_and_uninstall_for_one_user(tmp_path, home):
    home, env = home
    local = home / ".local"
    share = local / "share"
    keep = share / "applications" / "someone-else.desktop"
    keep.parent.mkdir(parents=True)
    keep.write_text("[Desktop Entry]\n", encoding="utf-8")

    release = _unpacked_release(tmp_path, "1.0.0")
    result = _run(release / "install.sh", env)
    assert result.returncode == 0, result.stderr
    assert "CLV Desk 1.0.0 installed" in result.stdout
    app_dir = local / "lib" / "clvdesk"
    assert (local / "bin" / "clvdesk").resolve() == (app_dir / "clvdesk").resolve()
    assert (app_dir / "uninstall.sh").is_file()
    desktop = share / "applications" / f"{APP_ID}.desktop"
    entry = _desktop_entry(desktop)
    assert entry["Exec"] == f'"{app_dir}/clvdesk" gui %f'
    assert entry["TryExec"] == f"{app_dir}/clvdesk"
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (share / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg").is_file()
    assert (share / "icons/hicolor/256x256/apps" / f"{APP_ID}.png").is_file()
    validator = shutil.which("desktop-file-validate")
    if validator:
        assert subprocess.run([validator, str(desktop)], capture_output=True).returncode == 0

    # Update: a newer tarball's install.sh replaces the app in place.
    newer = _unpacked_release(tmp_path, "1.1.0")
    result = _run(newer / "install.sh", env)
    assert result.returncode == 0, result.stderr
    assert (app_dir / "_internal" / "payload.txt").read_text(encoding="utf-8") == "1.1.0"
    assert subprocess.run([str(local / "bin" / "clvdesk"), "--version"], capture_output=True,
                          text=True).stdout.strip() == "clvdesk 1.1.0"
    assert not (local / "lib" / "clvdesk.old").exists()

    result = _run(app_dir / "uninstall.sh", env)
    assert result.returncode == 0, result.stderr
    assert not app_dir.exists() and not (local / "bin" / "clvdesk").exists()
    assert not desktop.exists()
    assert not list(share.rglob(f"{APP_ID}*"))
    assert keep.is_file()  # other applications' entries are untouched


def test_install_honours_prefix_and_xdg_data_home(tmp_path, home):
    home, env = home
    env = {**env, "PREFIX": str(tmp_path / "opt"), "XDG_DATA_HOME": str(tmp_path / "data")}
    release = _unpacked_release(tmp_path, "2.0.0")
    assert _run(release / "install.sh", env).returncode == 0
    assert (tmp_path / "opt" / "lib" / "clvdesk" / "clvdesk").is_file()
    assert (tmp_path / "data" / "applications" / f"{APP_ID}.desktop").is_file()
    assert not (home / ".local").exists()
    assert _run(tmp_path / "opt" / "lib" / "clvdesk" / "uninstall.sh", env).returncode == 0
    assert not (tmp_path / "opt" / "lib" / "clvdesk").exists()


def test_install_refuses_an_incomplete_release(tmp_path, home):
    home, env = home
    release = _unpacked_release(tmp_path, "3.0.0")
    shutil.rmtree(release / "clvdesk")
    result = _run(release / "install.sh", env)
    assert result.returncode == 1
    assert result.stderr.startswith("error: ") and "run install.sh from the unpacked tarball" in result.stderr
    assert not (home / ".local" / "lib" / "clvdesk").exists()
