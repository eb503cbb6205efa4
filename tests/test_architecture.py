"""The core imports no frontend toolkit; frontends import the core, never the reverse."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _modules_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT
    )
    return set(out.stdout.split())


def test_core_loads_neither_qt_nor_xlwings():
    loaded = _modules_after(
        "import clvdesk.core, pkgutil, importlib; "
        "[importlib.import_module(m.name) for m in pkgutil.walk_packages("
        "clvdesk.core.__path__, 'clvdesk.core.')]"
    )
    forbidden = {"PySide6", "shiboken6", "xlwings", "matplotlib", "clvdesk.app", "excel_addin"}
    leaked = {m for m in loaded if m.split(".")[0] in forbidden or m in forbidden}
    assert not leaked, f"clvdesk.core pulled in {sorted(leaked)}"


def test_core_source_has_no_frontend_imports():
    bad = []
    for path in (ROOT / "clvdesk" / "core").rglob("*.py"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            stripped = line.strip()
            if stripped.startswith(("import ", "from ")) and any(
                name in stripped.split()[1]
                for name in ("PySide6", "shiboken6", "xlwings", "clvdesk.app", "excel_addin")
            ):
                bad.append(f"{path.relative_to(ROOT)}:{n}: {stripped}")
    assert not bad, "\n".join(bad)


def test_import_linter_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
