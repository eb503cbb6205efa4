"""Build the Python environment that runs CLV Desk's Excel functions on Windows.

xlwings runs user-defined functions in a real ``python.exe`` (started by its VBA add-in over
COM), never inside the frozen desktop app. The installer therefore ships its own small Python:

1. the official *embeddable* CPython for Windows (``python-X.Y.Z-embed-amd64.zip`` from
   python.org: python.exe, pythonw.exe, the standard library as ``pythonXY.zip``), unpacked;
2. its ``pythonXY._pth`` made to add ``Lib\\site-packages`` and ``import site`` (so that the
   ``.pth`` files of pywin32 run);
3. a wheelhouse of Windows wheels (``pip download --only-binary=:all: --platform win_amd64``):
   the clvdesk wheel built from this tree, and the UDFs' run-time requirements, which are the
   project's dependencies from ``pyproject.toml`` without the desktop-only ones (PySide6,
   matplotlib: the app is frozen separately) plus pywin32 (xlwings' COM bridge);
4. those wheels installed into ``Lib\\site-packages`` (``pip install --no-index --target``);
5. xlwings' DLLs (``xlwings64-<version>.dll``, ``xlwings32-<version>.dll``) moved from
   ``Lib\\site-packages`` to the folder of ``pythonw.exe``. xlwings' VBA loads the DLL only
   from the folder of ``INTERPRETER_WIN`` or the folder above it (xlwings/addin/Main.bas,
   ``XLPyLoadDLL``: "Could not load xlwings64-...dll from either of the following folders").
   The xlwings wheel ships the DLLs as data files for the prefix (xlwings' setup.py,
   ``data_files=[("", ...)]``: beside python.exe in a normal install), and ``pip --target``
   puts data files into the target folder, i.e. site-packages, where the VBA never looks;
6. on Windows, a check that the new interpreter imports ``excel_addin.udfs`` and xlwings and
   finds the DLL of its xlwings version beside itself, and bytecode compiled with it so the
   first call from Excel is fast.

Usage, on the Windows build machine (pip picks wheels for ``--python-version``, so the Python
running this script may differ; CI uses the same version for both)::

    python installer\\windows\\build_python_env.py --out build\\pyinstaller\\pyenv
        [--python-version 3.11.9] [--embed-zip python-3.11.9-embed-amd64.zip]
        [--wheelhouse build\\wheelhouse]

It also runs on Linux or macOS (cross-building: only Windows wheels are downloaded), but then
step 6 is skipped; :func:`payload_problems` checks the layout on any system. The result is the ``PYENV_DIR`` of ``clvdesk.nsi``.
"""

from __future__ import annotations

import argparse
import platform
import re
import shutil
import subprocess
import sys
import tomllib
import urllib.request
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EMBED_URL = "https://www.python.org/ftp/python/{version}/python-{version}-embed-amd64.zip"
TARGET_PLATFORM = "win_amd64"
#: Dependencies of the desktop app only; the Excel functions never import them.
DESKTOP_ONLY = {"pyside6-essentials", "pyside6", "matplotlib"}
#: Needed by xlwings on Windows; named explicitly because pip evaluates xlwings' marker
#: ``platform_system == "Windows"`` on the build machine, not on the target.
WINDOWS_EXTRAS = ["pywin32"]


class BuildError(Exception):
    """A step failed; the message says which and why."""


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0].lower().replace("_", "-")


#: The extras of the UDF environment: xlwings (``excel``) and the file readers (``io``).
UDF_EXTRAS = ("excel", "io")


def udf_requirements(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    """The requirements of the UDF environment: project dependencies and the ``excel`` and
    ``io`` extras (xlwings, workbook readers), minus desktop-only ones."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    extras = project.get("optional-dependencies", {})
    extra = [r for name in UDF_EXTRAS for r in extras.get(name, [])]
    wanted = [*project["dependencies"], *(r for r in extra if not r.startswith("clvdesk"))]
    kept = [r for r in dict.fromkeys(wanted) if _name(r) not in DESKTOP_ONLY]
    return kept + [r for r in WINDOWS_EXTRAS if r not in {_name(k) for k in kept}]


def embed_zip_name(version: str) -> str:
    return f"python-{version}-embed-amd64.zip"


def fetch_embed_zip(version: str, cache: Path) -> Path:
    """Download the embeddable distribution once into ``cache``."""
    target = cache / embed_zip_name(version)
    if not target.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".partial")
        url = EMBED_URL.format(version=version)
        try:
            with urllib.request.urlopen(url, timeout=120) as response, partial.open("wb") as fh:
                shutil.copyfileobj(response, fh)
        except OSError as exc:
            raise BuildError(f"cannot download {url}: {exc}") from exc
        partial.replace(target)
    return target


def unpack_embed(embed_zip: Path, out: Path) -> Path:
    """Unpack the embeddable zip into an empty ``out``; return its ``._pth`` file."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    try:
        with zipfile.ZipFile(embed_zip) as archive:
            archive.extractall(out)
    except zipfile.BadZipFile as exc:
        raise BuildError(f"{embed_zip} is not a zip file") from exc
    pth = sorted(out.glob("python3*._pth"))
    if not (out / "python.exe").is_file() or len(pth) != 1:
        raise BuildError(f"{embed_zip} is not an embeddable Python (no python.exe or ._pth)")
    return pth[0]


def patch_pth(pth: Path) -> None:
    """Add ``Lib\\site-packages`` to the path file and enable ``import site``.

    In a ``._pth`` file each line is a path relative to the folder, and ``import site`` makes
    Python run the site module (and so the ``.pth`` files in site-packages).
    """
    lines = [line.strip() for line in pth.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line and line not in {"import site", "#import site"}]
    if "Lib\\site-packages" not in lines:
        lines.append("Lib\\site-packages")
    lines.append("import site")
    pth.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    (pth.parent / "Lib" / "site-packages").mkdir(parents=True, exist_ok=True)


def python_tag(version: str) -> str:
    major, minor = version.split(".")[:2]
    return f"{major}.{minor}"


def pip_commands(python: str, wheelhouse: Path, site_packages: Path, version: str,
                 requirements: list[str]) -> list[list[str]]:
    """The pip runs of steps 3 and 4: clvdesk wheel, Windows wheels, install from them only."""
    target = [
        "--only-binary=:all:", "--platform", TARGET_PLATFORM, "--implementation", "cp",
        "--python-version", python_tag(version),
    ]
    return [
        [python, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(wheelhouse), str(ROOT)],
        [python, "-m", "pip", "download", "--dest", str(wheelhouse), *target, *requirements],
        [python, "-m", "pip", "install", "--no-index", "--find-links", str(wheelhouse),
         "--target", str(site_packages), "--no-compile", *target, "--no-deps", "clvdesk"],
        [python, "-m", "pip", "install", "--no-index", "--find-links", str(wheelhouse),
         "--target", str(site_packages), "--no-compile", *target, *requirements],
    ]


#: The DLLs of an installed xlwings wheel (64- and 32-bit Excel), as its setup.py globs them.
XLWINGS_DLL_GLOB = "xlwings??-*.dll"
#: With the installed Python: xlwings' 64-bit DLL of its own version sits beside the interpreter
#: (the first folder XLPyLoadDLL tries); prints the DLL's path.
DLL_CHECK = ("import sys, pathlib, xlwings; "
             "dll = pathlib.Path(sys.executable).with_name(f'xlwings64-{xlwings.__version__}.dll'); "
             "assert dll.is_file(), f'{dll} not found'; print(dll)")


def place_xlwings_dlls(out: Path) -> list[Path]:
    """Move xlwings' DLLs from ``Lib\\site-packages`` (where ``pip --target`` puts the wheel's
    data files) beside ``python.exe``/``pythonw.exe`` in ``out``; return their new paths."""
    site_packages = out / "Lib" / "site-packages"
    dlls = sorted(site_packages.glob(XLWINGS_DLL_GLOB))
    if not dlls:
        raise BuildError(f"no {XLWINGS_DLL_GLOB} in {site_packages}: the xlwings wheel is not "
                         "the Windows one (its DLLs are data files of the win_amd64 wheel)")
    placed = []
    for dll in dlls:
        target = out / dll.name
        dll.replace(target)
        placed.append(target)
    return placed


def installed_version(site_packages: Path, project: str) -> str | None:
    """The version of ``project`` installed in ``site_packages``, from its ``.dist-info``."""
    infos = sorted(site_packages.glob(f"{project}-*.dist-info"))
    return infos[-1].name[len(project) + 1:-len(".dist-info")] if infos else None


def payload_problems(out: Path) -> list[str]:
    """Why Excel could not run the functions with the environment in ``out`` (empty: none).

    Checks what the installer registers and xlwings' VBA needs: ``pythonw.exe`` (the
    ``INTERPRETER_WIN``) and ``python.exe``, ``excel_addin`` and xlwings in
    ``Lib\\site-packages``, and ``xlwings64-<installed version>.dll`` beside the interpreter.
    """
    problems = [f"{exe} is missing" for exe in ("python.exe", "pythonw.exe")
                if not (out / exe).is_file()]
    site_packages = out / "Lib" / "site-packages"
    if not (site_packages / "excel_addin" / "udfs.py").is_file():
        problems.append("excel_addin is not in Lib\\site-packages")
    version = installed_version(site_packages, "xlwings")
    if version is None:
        problems.append("xlwings is not in Lib\\site-packages")
    elif not (out / f"xlwings64-{version}.dll").is_file():
        problems.append(f"xlwings64-{version}.dll is not beside pythonw.exe, where xlwings' VBA "
                        "looks for it")
    return problems


def verify(out: Path) -> None:
    """Import what Excel will import, with the new interpreter, check that it finds xlwings'
    DLL beside itself, then compile the bytecode."""
    python = str(out / "python.exe")
    check = "import excel_addin.udfs, xlwings, clvdesk.core; print('UDF environment OK')"
    for command in ([python, "-c", check], [python, "-c", DLL_CHECK],
                    [python, "-m", "compileall", "-q", str(out / "Lib" / "site-packages")]):
        if subprocess.run(command).returncode != 0:
            raise BuildError(f"the new environment failed: {' '.join(command)}")


def build(out: Path, version: str, embed_zip: Path | None, wheelhouse: Path) -> Path:
    embed_zip = embed_zip or fetch_embed_zip(version, wheelhouse.parent / "embed")
    pth = unpack_embed(embed_zip, out)
    patch_pth(pth)
    site_packages = out / "Lib" / "site-packages"
    wheelhouse.mkdir(parents=True, exist_ok=True)
    for command in pip_commands(sys.executable, wheelhouse, site_packages, version,
                                udf_requirements()):
        if subprocess.run(command, cwd=ROOT).returncode != 0:
            raise BuildError(f"pip failed: {' '.join(command[3:6])} ...")
    shutil.rmtree(site_packages / "bin", ignore_errors=True)  # console scripts: unused
    for stray in site_packages.glob("*.whl"):  # an empty marker file some wheels leave behind
        stray.unlink()
    place_xlwings_dlls(out)
    problems = payload_problems(out)
    if problems:
        raise BuildError("; ".join(problems))
    if platform.system() == "Windows":
        verify(out)
    else:
        print("not on Windows: the environment was built but not test-imported")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to create (emptied first)")
    parser.add_argument("--python-version", default=platform.python_version(),
                        help="embeddable CPython version (default: this Python's, %(default)s)")
    parser.add_argument("--embed-zip", type=Path, help="use this embeddable zip, no download")
    parser.add_argument("--wheelhouse", type=Path, default=ROOT / "build" / "wheelhouse",
                        help="where the Windows wheels are kept (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        out = build(args.out.resolve(), args.python_version, args.embed_zip,
                    args.wheelhouse.resolve())
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"UDF Python environment ready: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
