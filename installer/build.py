"""Build CLV Desk for distribution: the frozen desktop app, its self-test, and the package.

Usage (from the repository root, in an environment with ``pip install -e '.[installer]'``)::

    python installer/build.py                 # dist/clvdesk/ (PyInstaller), then its self-test
    python installer/build.py --package       # ... plus the package for this platform:
        Linux:   dist/clvdesk-<version>-linux-<arch>.tar.gz   (app folder, desktop files, install.sh)
        Windows: dist/CLVDesk-<version>-setup.exe             (NSIS; builds the UDF Python
                 environment with installer/windows/build_python_env.py first; needs makensis)

Options: ``--dist DIR`` and ``--work DIR`` (default ``dist`` and ``build/pyinstaller``),
``--no-selftest``, ``--clean`` (empty PyInstaller's cache first). Prints the build time and the
size of the app folder. Exit code non-zero with a one-line ``error:`` if a step fails.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

INSTALLER = Path(__file__).resolve().parent
ROOT = INSTALLER.parent
SPEC = INSTALLER / "clvdesk.spec"
APP_ID = "nl.clvdesk.CLVDesk"


class BuildError(Exception):
    """A build step failed; the message says which and why."""


def project_version() -> str:
    """The version in ``clvdesk/__init__.py`` (read, not imported)."""
    text = (ROOT / "clvdesk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not match:
        raise BuildError("no __version__ in clvdesk/__init__.py")
    return match.group(1)


def executable_name(stem: str = "clvdesk") -> str:
    return f"{stem}.exe" if sys.platform == "win32" else stem


def folder_size(folder: Path) -> int:
    """Bytes in all regular files under ``folder`` (symlinks not followed)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build_app(dist: Path, work: Path, *, clean: bool = False) -> Path:
    """Run PyInstaller on ``installer/clvdesk.spec``; return the app folder ``dist/clvdesk``."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError as exc:
        raise BuildError("PyInstaller is not installed: pip install -e '.[installer]'") from exc
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(dist), "--workpath", str(work), str(SPEC),
    ]
    if clean:
        command.insert(3, "--clean")
    result = subprocess.run(command, cwd=ROOT)
    if result.returncode != 0:
        raise BuildError(f"PyInstaller failed with exit code {result.returncode}")
    app = dist / "clvdesk"
    if not (app / executable_name()).is_file():
        raise BuildError(f"PyInstaller did not produce {app / executable_name()}")
    return app


def run_selftest(app: Path, *, timeout: float = 300) -> str:
    """Run ``clvdesk --selftest`` from the built folder; return its output, raise if not OK."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)  # the frozen app must not lean on a source tree
    try:
        result = subprocess.run(
            [str(app / executable_name()), "--selftest"], env=env, cwd=app.parent,
            capture_output=True, text=True, timeout=timeout,
        )
    except subprocess.TimeoutExpired as exc:
        raise BuildError(f"the self-test did not finish within {timeout:.0f} s") from exc
    output = result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    if result.returncode != 0 or not lines or lines[-1] != "OK":
        raise BuildError(f"the self-test failed (exit {result.returncode}):\n{output.strip()}")
    return output


def package_linux(app: Path, dist: Path, version: str) -> Path:
    """Tarball ``clvdesk-<version>-linux-<arch>.tar.gz``: the app folder and what installs it.

    Layout inside: ``clvdesk-<version>/clvdesk/`` (the app), ``share/`` (desktop entry, AppStream
    metainfo, icons under the application id), ``install.sh`` and ``uninstall.sh``.
    """
    linux, icons = INSTALLER / "linux", INSTALLER / "icons"
    top = f"clvdesk-{version}"
    members: list[tuple[Path, str]] = [
        (app, f"{top}/clvdesk"),
        (linux / "clvdesk.desktop", f"{top}/share/applications/{APP_ID}.desktop"),
        (linux / f"{APP_ID}.metainfo.xml", f"{top}/share/metainfo/{APP_ID}.metainfo.xml"),
        (icons / "clvdesk.svg", f"{top}/share/icons/hicolor/scalable/apps/{APP_ID}.svg"),
        (icons / "clvdesk-256.png", f"{top}/share/icons/hicolor/256x256/apps/{APP_ID}.png"),
        (linux / "install.sh", f"{top}/install.sh"),
        (linux / "uninstall.sh", f"{top}/uninstall.sh"),
    ]
    tarball = dist / f"{top}-linux-{platform.machine() or 'x86_64'}.tar.gz"
    partial = tarball.with_name(tarball.name + ".partial")
    with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
        for source, name in members:
            tar.add(source, arcname=name, filter=_normalise_owner)
    os.replace(partial, tarball)
    return tarball


def _normalise_owner(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def package_windows(app: Path, dist: Path, work: Path, version: str) -> Path:
    """``CLVDesk-<version>-setup.exe``: the UDF Python environment, then makensis."""
    makensis = shutil.which("makensis")
    if makensis is None:
        raise BuildError("makensis not found on PATH (install NSIS 3)")
    pyenv = work / "pyenv"
    result = subprocess.run(
        [sys.executable, str(INSTALLER / "windows" / "build_python_env.py"), "--out", str(pyenv)],
        cwd=ROOT,
    )
    if result.returncode != 0:
        raise BuildError("building the Python environment for the add-in failed")
    setup = dist / f"CLVDesk-{version}-setup.exe"
    result = subprocess.run(
        [
            makensis, "-V2", f"-DVERSION={version}", f"-DAPP_DIR={app}", f"-DPYENV_DIR={pyenv}",
            f"-DOUTFILE={setup}", str(INSTALLER / "windows" / "clvdesk.nsi"),
        ],
        cwd=ROOT,
    )
    if result.returncode != 0 or not setup.is_file():
        raise BuildError(f"makensis failed with exit code {result.returncode}")
    return setup


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's work folder")
    parser.add_argument("--no-selftest", action="store_true", help="skip the frozen self-test")
    parser.add_argument("--package", action="store_true",
                        help="also build the tarball (Linux) or the NSIS installer (Windows)")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    try:
        version = project_version()
        started = time.perf_counter()
        app = build_app(dist, work, clean=args.clean)
        print(f"built {app} in {time.perf_counter() - started:.0f} s, "
              f"{folder_size(app) / 1e6:.0f} MB")
        if not args.no_selftest:
            started = time.perf_counter()
            print(run_selftest(app).strip())
            print(f"self-test passed in {time.perf_counter() - started:.1f} s")
        if args.package:
            if sys.platform == "win32":
                package = package_windows(app, dist, work, version)
            else:
                package = package_linux(app, dist, version)
            print(f"package: {package} ({package.stat().st_size / 1e6:.0f} MB)")
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
