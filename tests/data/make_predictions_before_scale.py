"""Write cdnow_predictions_before_scale.parquet (see SOURCE.md) with the code of a checkout.

    PYTHONPATH=<checkout of 228c5ce> python tests/data/make_predictions_before_scale.py

The forecast is :func:`test_clv_scale.reference_forecast` (fixed published parameters), run
by the ``clvdesk`` package on ``PYTHONPATH``: the code before the scale work, one evaluation
per customer pair in blocks of 50,000.
"""

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from test_clv_scale import COLUMNS, _summary, reference_forecast  # noqa: E402


def main() -> None:
    summary = _summary()
    frames = [reference_forecast(name, summary).customers[COLUMNS].assign(model=name)
              for name in ("bgnbd", "pareto-nbd")]
    table = pd.concat(frames)[["model", *COLUMNS]]
    table.to_parquet(HERE / "cdnow_predictions_before_scale.parquet")


if __name__ == "__main__":
    main()
