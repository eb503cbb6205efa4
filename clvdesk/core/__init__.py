"""The calculation core: formulas, summaries, models, CLV, scenarios, data quality and I/O.

Pure Python on numpy, pandas and scipy. Nothing here imports Qt, xlwings or matplotlib; a test
(``tests/test_architecture.py``) and the import-linter contracts in ``pyproject.toml`` enforce it.
Import submodules directly (``from clvdesk.core.formulas import simple_clv``) so that loading the
core stays cheap.
"""

from clvdesk.core.errors import Cancelled, CLVError, ConvergenceError, DataError, InputError

__all__ = ["Cancelled", "CLVError", "ConvergenceError", "DataError", "InputError"]
