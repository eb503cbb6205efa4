"""The closed-form commands start fast: they import neither pandas nor numpy (issue 14.6).

The time itself (at most 0.25 s for the whole process) is measured in benchmarks/bench_scale.py;
here the cause: what a closed-form command loads.
"""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, sys
from clvdesk.cli import main
for command in json.loads(sys.argv[1]):
    try:
        main(command)
    except SystemExit:
        pass
print(json.dumps({name: name in sys.modules for name in ("pandas", "numpy", "scipy")}))
"""

COMMANDS = [
    ["simple", "--aov", "50", "--frequency", "4", "--lifespan", "5", "--cac", "100", "--json"],
    ["simple", "--aov", "50", "--frequency", "4", "--lifespan", "5.5", "--growth-rate", "0.05",
     "--discount-rate", "0.1"],
    ["retention", "--margin", "100", "--retention", "0.8", "--discount-rate", "0.1"],
    ["retention", "--margin", "100", "--retention", "0.8", "--discount-rate", "0.1",
     "--periods", "5", "--json"],
    ["lifespan", "--churn", "0.2"],
    ["ltv-cac", "--clv", "300", "--cac", "100"],
    ["payback", "--cac", "100", "--monthly-revenue", "20", "--margin", "0.5"],
]


def test_closed_form_commands_load_no_pandas_or_numpy():
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(COMMANDS)],
                          capture_output=True, text=True, check=True)
    lines = done.stdout.strip().splitlines()
    assert '"clv": 900.0' in done.stdout  # 50 x 4 x 5 - 100, the command really ran
    assert json.loads(lines[-1]) == {"pandas": False, "numpy": False, "scipy": False}
