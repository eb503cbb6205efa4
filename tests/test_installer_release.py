"""The release workflow builds both installers with the same command developers run."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"


def _job(text: str, name: str) -> str:
    """The lines of one job: from ``  name:`` to the next job at the same indentation."""
    match = re.search(rf"^  {name}:\n(.*?)(?=^  \w[\w-]*:\n|\Z)", text, re.MULTILINE | re.DOTALL)
    assert match, f"no job {name!r}"
    return match.group(1)


def test_release_runs_on_version_tags_and_by_hand():
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "\t" not in text
    assert re.search(r'^on:\n  push:\n    tags: \["v\*"\]\n  workflow_dispatch:', text, re.MULTILINE)


def test_windows_job_builds_tests_and_uploads_the_installer():
    windows = _job(WORKFLOW.read_text(encoding="utf-8"), "windows")
    assert "runs-on: windows-latest" in windows
    assert "python installer/build.py --package" in windows
    assert "makensis" in windows or "NSIS" in windows
    assert 'Start-Process $setup -ArgumentList "/S" -Wait' in windows
    assert '"UDF MODULES","excel_addin.udfs"' in windows
    assert "--selftest" in windows
    assert "path: dist/CLVDesk-*-setup.exe" in windows


def test_linux_job_builds_tests_and_uploads_the_tarball():
    linux = _job(WORKFLOW.read_text(encoding="utf-8"), "linux")
    assert "runs-on: ubuntu-latest" in linux
    assert "python installer/build.py --package" in linux
    assert "desktop-file-validate installer/linux/clvdesk.desktop" in linux
    assert "install.sh" in linux and "uninstall.sh" in linux
    assert "path: dist/clvdesk-*-linux-*.tar.gz" in linux


def test_publish_attaches_both_to_a_release_on_tags_only():
    publish = _job(WORKFLOW.read_text(encoding="utf-8"), "publish")
    assert "needs: [linux, windows]" in publish
    assert "if: startsWith(github.ref, 'refs/tags/')" in publish
    assert "contents: write" in publish and "gh release create" in publish
