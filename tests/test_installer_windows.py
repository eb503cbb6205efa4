"""Windows installer: the NSIS script compiles (placeholder payload), the add-in registration
edits the user's xlwings.conf and undoes it, and the UDF Python environment is put together
as documented. makensis comes from Debian's ``nsis`` package here and in CI."""

from __future__ import annotations

import importlib.util
import json
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import require_program

ROOT = Path(__file__).resolve().parents[1]
WINDOWS = ROOT / "installer" / "windows"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"clvdesk_installer_{name}", WINDOWS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


register = _load("register_addin")
pyenv = _load("build_python_env")


# --- NSIS ---------------------------------------------------------------------------------

def _placeholder_payload(folder: Path) -> tuple[Path, Path]:
    app, python = folder / "app", folder / "python"
    (app / "_internal").mkdir(parents=True)
    (app / "clvdesk.exe").write_bytes(b"MZ placeholder console app")
    (app / "CLV Desk.exe").write_bytes(b"MZ placeholder windowed app")
    (app / "_internal" / "base_library.zip").write_bytes(b"PK placeholder")
    (python / "Lib" / "site-packages").mkdir(parents=True)
    (python / "python.exe").write_bytes(b"MZ placeholder python")
    (python / "pythonw.exe").write_bytes(b"MZ placeholder pythonw")
    (python / "python311._pth").write_text("python311.zip\r\n.\r\nimport site\r\n")
    return app, python


def _makensis(makensis: str, *defines: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [makensis, "-V2", "-WX", *defines, str(WINDOWS / "clvdesk.nsi")],
        capture_output=True, text=True, timeout=120,
    )


def test_nsis_script_compiles_to_a_windows_executable(tmp_path):
    makensis = require_program("makensis")
    app, python = _placeholder_payload(tmp_path / "payload")
    setup = tmp_path / "out" / "CLVDesk-0.0.0-setup.exe"
    setup.parent.mkdir()
    result = _makensis(makensis, "-DVERSION=0.0.0", f"-DAPP_DIR={app}", f"-DPYENV_DIR={python}",
                       f"-DOUTFILE={setup}")
    assert result.returncode == 0, result.stdout + result.stderr
    data = setup.read_bytes()
    assert data[:2] == b"MZ"
    (pe_offset,) = struct.unpack_from("<I", data, 0x3C)
    assert data[pe_offset:pe_offset + 4] == b"PE\0\0"
    assert b"Nullsoft" in data


def test_nsis_script_names_what_is_missing(tmp_path):
    makensis = require_program("makensis")
    result = _makensis(makensis, "-DVERSION=0.0.0")
    assert result.returncode != 0
    assert "define APP_DIR" in result.stdout + result.stderr


def test_nsis_script_installs_per_user_with_shortcut_addin_and_uninstaller():
    script = (WINDOWS / "clvdesk.nsi").read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in script
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP_NAME}"' in script
    assert 'CreateShortcut "$SMPROGRAMS\\${APP_NAME}.lnk"' in script
    assert 'Delete "$SMPROGRAMS\\${APP_NAME}.lnk"' in script
    assert "register_addin.py\" install --interpreter \"$INSTDIR\\python\\pythonw.exe\"" in script
    assert "register_addin.py\" uninstall" in script
    assert 'WriteUninstaller "$INSTDIR\\uninstall.exe"' in script
    assert "HKLM" not in script  # per user only
    assert 'DeleteRegKey HKCU "${UNINSTALL_KEY}"' in script
    uninstall = script[script.index('Section "Uninstall"'):]
    assert uninstall.index("register_addin.py") < uninstall.index('RMDir /r "$INSTDIR\\python"')
    assert 'RMDir /r "$INSTDIR"' not in script  # never wipe a folder the user may share
    # the one-time Excel step's files, where a Start-menu shortcut finds them
    assert ('CopyFiles /SILENT "$INSTDIR\\python\\Lib\\site-packages\\excel_addin\\${UDF_BAS}" '
            '"$INSTDIR\\excel"') in script
    assert '!define UDF_BAS "clvdesk_udfs.bas"' in script
    assert (ROOT / "excel_addin" / "clvdesk_udfs.bas").is_file()
    assert 'CreateShortcut "$SMPROGRAMS\\${APP_NAME} Excel functions.lnk" "$INSTDIR\\excel"' in script
    assert 'Delete "$INSTDIR\\excel\\${UDF_BAS}"' in uninstall and 'RMDir /r "$INSTDIR\\excel"' not in script


# --- add-in registration -----------------------------------------------------------------

class FakeXlwings:
    """Stands in for ``python -m xlwings.cli addin ...``; records the calls."""

    def __init__(self, succeeds: bool):
        self.succeeds, self.calls = succeeds, []

    def __call__(self, action: str) -> tuple[bool, str]:
        self.calls.append(action)
        if self.succeeds:
            return True, "Successfully installed the xlwings add-in!"
        return False, "Traceback ...\nXlwingsError: Excel is not installed"


@pytest.fixture
def paths(tmp_path):
    addin = tmp_path / "site" / "xlwings.xlam"
    addin.parent.mkdir()
    addin.write_bytes(b"PK xlam")
    return {
        "config": tmp_path / "home" / ".xlwings" / "xlwings.conf",
        "state": tmp_path / "CLV Desk" / "addin-registration.json",
        "xlstart": tmp_path / "AppData" / "Roaming" / "Microsoft" / "Excel" / "XLSTART",
        "addin": addin,
    }


def _install(paths, interpreter="C:\\CLV\\python\\pythonw.exe", runner=None):
    return register.install(paths["config"], paths["state"], interpreter, paths["xlstart"],
                            runner=runner or FakeXlwings(True), addin_source=paths["addin"])


def test_install_writes_interpreter_and_udf_module_in_xlwings_format(paths):
    runner = FakeXlwings(True)
    done = _install(paths, runner=runner)
    assert runner.calls == ["install"]
    assert paths["config"].read_text().splitlines() == [
        '"INTERPRETER_WIN","C:\\CLV\\python\\pythonw.exe"',
        '"UDF MODULES","excel_addin.udfs"',
    ]
    assert done[0] == "xlwings add-in installed in Excel's start-up folder"
    state = json.loads(paths["state"].read_text())
    assert state["config_existed"] is False
    assert state["previous"] == {"INTERPRETER_WIN": None, "UDF MODULES": None}


def test_uninstall_of_a_fresh_install_leaves_nothing(paths):
    _install(paths)
    runner = FakeXlwings(True)
    register.uninstall(paths["config"], paths["state"], runner=runner)
    assert runner.calls == ["remove"]
    assert not paths["config"].exists() and not paths["state"].exists()


def test_users_own_settings_survive_install_update_and_uninstall(paths):
    paths["config"].parent.mkdir(parents=True)
    original = [
        '"INTERPRETER_WIN","C:\\Users\\an\\miniconda3\\pythonw.exe"',
        '"Show Console","False"',
        '"udf modules","my_functions"',
    ]
    paths["config"].write_text("\n".join(original) + "\n")
    _install(paths, interpreter="C:\\v1\\pythonw.exe")
    lines = paths["config"].read_text().splitlines()
    assert lines == ['"INTERPRETER_WIN","C:\\v1\\pythonw.exe"', '"Show Console","False"',
                     '"UDF MODULES","excel_addin.udfs"']
    _install(paths, interpreter="C:\\v2\\pythonw.exe")  # an update
    assert register.get_key(paths["config"].read_text().splitlines(), "interpreter_win") == \
        "C:\\v2\\pythonw.exe"
    register.uninstall(paths["config"], paths["state"], runner=FakeXlwings(True))
    assert paths["config"].read_text().splitlines() == [
        '"INTERPRETER_WIN","C:\\Users\\an\\miniconda3\\pythonw.exe"',
        '"Show Console","False"',
        '"UDF MODULES","my_functions"',
    ]


def test_uninstall_keeps_a_value_the_user_changed_since(paths):
    _install(paths)
    lines = register.set_key(register.read_config(paths["config"]), "UDF MODULES", "theirs")
    register.write_config(paths["config"], lines)
    register.uninstall(paths["config"], paths["state"], runner=FakeXlwings(True))
    assert paths["config"].read_text().splitlines() == ['"UDF MODULES","theirs"']


def test_without_excel_the_addin_is_copied_to_xlstart_and_removed_again(paths):
    done = _install(paths, runner=FakeXlwings(False))
    copied = paths["xlstart"] / "xlwings.xlam"
    assert copied.read_bytes() == b"PK xlam"
    assert done[0].endswith("(xlwings said: XlwingsError: Excel is not installed)")
    register.uninstall(paths["config"], paths["state"], runner=FakeXlwings(False))
    assert not copied.exists()


def test_an_addin_that_was_there_before_stays(paths):
    paths["xlstart"].mkdir(parents=True)
    (paths["xlstart"] / "xlwings.xlam").write_bytes(b"PK users own")
    _install(paths)
    runner = FakeXlwings(True)
    register.uninstall(paths["config"], paths["state"], runner=runner)
    assert runner.calls == []
    assert (paths["xlstart"] / "xlwings.xlam").read_bytes() == b"PK users own"


def test_register_command_line_end_to_end(paths):
    """The script as the installer runs it; on Linux the real xlwings CLI fails (no Excel), so
    the fallback copy of the add-in is exercised."""
    base = [sys.executable, str(WINDOWS / "register_addin.py")]
    common = ["--state", str(paths["state"]), "--config", str(paths["config"])]
    result = subprocess.run(
        [*base, "install", *common, "--xlstart", str(paths["xlstart"]),
         "--interpreter", "C:\\CLV Desk\\python\\pythonw.exe"],
        capture_output=True, text=True, timeout=180,
    )
    assert result.returncode == 0, result.stderr
    assert (paths["xlstart"] / "xlwings.xlam").stat().st_size > 10_000
    assert '"UDF MODULES","excel_addin.udfs"' in paths["config"].read_text()
    assert "Traceback" not in result.stdout + result.stderr

    result = subprocess.run([*base, "uninstall", *common], capture_output=True, text=True,
                            timeout=180)
    assert result.returncode == 0, result.stderr
    assert not (paths["xlstart"] / "xlwings.xlam").exists() and not paths["config"].exists()

    result = subprocess.run([*base, "uninstall", *common], capture_output=True, text=True)
    assert result.returncode == 0 and "nothing to undo" in result.stdout


def test_a_broken_state_file_gives_one_error_line(paths):
    paths["state"].parent.mkdir(parents=True)
    paths["state"].write_text("{not json")
    result = subprocess.run(
        [sys.executable, str(WINDOWS / "register_addin.py"), "uninstall", "--state",
         str(paths["state"]), "--config", str(paths["config"])],
        capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("error: uninstall of the Excel add-in failed: ")
    assert len(result.stderr.strip().splitlines()) == 1


# --- the UDF Python environment ------------------------------------------------------------

def test_udf_requirements_are_the_core_dependencies_plus_xlwings_bridge():
    requirements = pyenv.udf_requirements()
    names = {pyenv._name(r) for r in requirements}
    assert {"numpy", "pandas", "scipy", "xlwings", "pywin32"} <= names
    assert not names & {"pyside6-essentials", "matplotlib"}


def _fake_embed_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("python.exe", b"MZ")
        archive.writestr("pythonw.exe", b"MZ")
        archive.writestr("python311.zip", b"PK")
        archive.writestr("python311._pth", "python311.zip\r\n.\r\n\r\n# Uncomment to run "
                         "site.main() automatically\r\n#import site\r\n")
    return path


def test_embeddable_python_is_unpacked_and_opened_to_site_packages(tmp_path):
    out = tmp_path / "pyenv"
    out.mkdir()
    (out / "stale.txt").write_text("from an earlier build")
    pth = pyenv.unpack_embed(_fake_embed_zip(tmp_path / "python-3.11.9-embed-amd64.zip"), out)
    pyenv.patch_pth(pth)
    pyenv.patch_pth(pth)  # idempotent
    assert pth.read_bytes() == (
        b"python311.zip\r\n.\r\n# Uncomment to run site.main() automatically\r\n"
        b"Lib\\site-packages\r\nimport site\r\n"
    )
    assert (out / "Lib" / "site-packages").is_dir()
    assert not (out / "stale.txt").exists()


def test_a_zip_that_is_not_an_embeddable_python_is_refused(tmp_path):
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a zip")
    with pytest.raises(pyenv.BuildError, match="is not a zip file"):
        pyenv.unpack_embed(bad, tmp_path / "out")
    with zipfile.ZipFile(tmp_path / "other.zip", "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(pyenv.BuildError, match="not an embeddable Python"):
        pyenv.unpack_embed(tmp_path / "other.zip", tmp_path / "out")


def test_pip_steps_fetch_windows_wheels_and_install_offline(tmp_path):
    wheel, download, install_app, install_deps = pyenv.pip_commands(
        "py", tmp_path / "wh", tmp_path / "sp", "3.11.9", ["numpy>=1.26", "xlwings>=0.30"]
    )
    assert wheel[:4] == ["py", "-m", "pip", "wheel"] and "--no-deps" in wheel
    for command in (download, install_app, install_deps):
        joined = " ".join(command)
        assert "--only-binary=:all: --platform win_amd64" in joined
        assert "--python-version 3.11" in joined
    assert download[3] == "download" and download[-2:] == ["numpy>=1.26", "xlwings>=0.30"]
    for command in (install_app, install_deps):
        assert "--no-index" in command and command[command.index("--target") + 1] == str(tmp_path / "sp")
    assert install_app[-2:] == ["--no-deps", "clvdesk"]


# --- where xlwings' DLL ends up ------------------------------------------------------------

XLWINGS_VERSION = "0.37.8"


def _xlwings_like_wheel(folder: Path) -> Path:
    """A wheel laid out like xlwings' Windows wheel: the package, and the DLLs as data files
    for the prefix (xlwings' setup.py ``data_files=[("", glob("xlwings??-*.dll"))]``)."""
    name = f"xlwings-{XLWINGS_VERSION}"
    wheel = folder / f"{name}-py3-none-any.whl"
    files = {
        "xlwings/__init__.py": f'__version__ = "{XLWINGS_VERSION}"\n',
        f"{name}.data/data/xlwings64-{XLWINGS_VERSION}.dll": "MZ 64-bit",
        f"{name}.data/data/xlwings32-{XLWINGS_VERSION}.dll": "MZ 32-bit",
        f"{name}.dist-info/METADATA": f"Metadata-Version: 2.1\nName: xlwings\nVersion: {XLWINGS_VERSION}\n",
        f"{name}.dist-info/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = "".join(f"{path},,\n" for path in files) + f"{name}.dist-info/RECORD,,\n"
    with zipfile.ZipFile(wheel, "w") as archive:
        for path, text in files.items():
            archive.writestr(path, text)
        archive.writestr(f"{name}.dist-info/RECORD", record)
    return wheel


def _payload_after_pip_target(tmp_path: Path) -> Path:
    """The UDF environment's folder after step 4 (``pip install --target Lib\\site-packages``)
    with the xlwings-like wheel, run by the real pip."""
    out = tmp_path / "pyenv"
    pth = pyenv.unpack_embed(_fake_embed_zip(tmp_path / "python-3.11.9-embed-amd64.zip"), out)
    pyenv.patch_pth(pth)
    site_packages = out / "Lib" / "site-packages"
    (site_packages / "excel_addin").mkdir()
    (site_packages / "excel_addin" / "udfs.py").write_text("")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-index", "--no-deps", "--no-compile",
         "--disable-pip-version-check", "--target", str(site_packages),
         str(_xlwings_like_wheel(tmp_path))],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_pip_target_puts_the_xlwings_dll_where_the_vba_never_looks(tmp_path):
    """The bug of issue 12: with ``pip --target`` the DLL lands in site-packages, while
    xlwings' VBA (Main.bas, XLPyLoadDLL) tries only the interpreter's folder and the one above."""
    out = _payload_after_pip_target(tmp_path)
    assert (out / "Lib" / "site-packages" / f"xlwings64-{XLWINGS_VERSION}.dll").is_file()
    assert pyenv.payload_problems(out) == [
        f"xlwings64-{XLWINGS_VERSION}.dll is not beside pythonw.exe, where xlwings' VBA looks "
        "for it"]


def test_built_payload_has_the_dll_beside_pythonw(tmp_path):
    out = _payload_after_pip_target(tmp_path)
    placed = pyenv.place_xlwings_dlls(out)
    assert sorted(p.name for p in placed) == [f"xlwings32-{XLWINGS_VERSION}.dll",
                                              f"xlwings64-{XLWINGS_VERSION}.dll"]
    interpreter = out / "pythonw.exe"  # what register_addin.py writes as INTERPRETER_WIN
    assert interpreter.is_file() and (out / "python.exe").is_file()
    # the first folder XLPyLoadDLL tries: ParentFolder(INTERPRETER_WIN)
    assert (interpreter.parent / f"xlwings64-{XLWINGS_VERSION}.dll").read_text() == "MZ 64-bit"
    assert not list((out / "Lib" / "site-packages").glob("xlwings??-*.dll"))
    assert pyenv.installed_version(out / "Lib" / "site-packages", "xlwings") == XLWINGS_VERSION
    assert pyenv.payload_problems(out) == []


def test_a_payload_without_dll_or_interpreter_is_refused(tmp_path):
    out = tmp_path / "pyenv"
    (out / "Lib" / "site-packages").mkdir(parents=True)
    with pytest.raises(pyenv.BuildError, match="not the Windows one"):
        pyenv.place_xlwings_dlls(out)
    assert pyenv.payload_problems(out) == [
        "python.exe is missing", "pythonw.exe is missing",
        "excel_addin is not in Lib\\site-packages", "xlwings is not in Lib\\site-packages"]


def test_dll_check_finds_the_dll_beside_the_interpreter(tmp_path):
    """The check verify() and the release job run with the installed Python, here run with a
    stand-in xlwings next to this interpreter's folder layout."""
    fake = tmp_path / "fake"
    (fake / "xlwings").mkdir(parents=True)
    (fake / "xlwings" / "__init__.py").write_text(f'__version__ = "{XLWINGS_VERSION}"\n')
    env = {"PYTHONPATH": str(fake), "PATH": ""}
    result = subprocess.run([sys.executable, "-c", pyenv.DLL_CHECK], capture_output=True,
                            text=True, env=env)
    assert result.returncode != 0 and f"xlwings64-{XLWINGS_VERSION}.dll not found" in result.stderr
    assert pyenv.DLL_CHECK in (ROOT / ".github" / "workflows" / "release.yml").read_text()
