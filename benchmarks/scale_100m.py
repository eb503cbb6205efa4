"""The 100M-row order-log case (issue 14 item 2): generate, then summarise out of core.

Not part of CI or ``make bench``: it writes about 2-3 GB of Parquet and needs minutes.

    python benchmarks/scale_100m.py generate --ids integer --out /tmp/clv100m_int.parquet
    python benchmarks/scale_100m.py generate --ids text --out /tmp/clv100m_text.parquet
    python benchmarks/scale_100m.py run /tmp/clv100m_int.parquet [--memory-limit 4GB]

``generate`` writes ``--orders`` rows (default 100,000,000) for ``--customers`` customers
(default 10,000,000; ids drawn from 1 .. 1.1 x customers, so about 10M appear) in chunks of
5M rows (row groups), so it never holds the whole table: random dates over 2 years, gamma
amounts, 3 % returns. ``run`` summarises the file with ``clvdesk summarize`` (the DuckDB
engine reading the Parquet itself) in a child process and prints wall time, peak RSS of that
process (``resource.getrusage`` of the children, ru_maxrss) and whether the spill folder is
gone afterwards.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def generate(out: Path, *, orders: int, customers: int, ids: str, chunk: int, seed: int) -> None:
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    rng = np.random.default_rng(seed)
    start = np.datetime64("2023-01-01", "D").astype(np.int64)
    id_type = pa.int64() if ids == "integer" else pa.string()
    schema = pa.schema([("customer_id", id_type), ("date", pa.date32()),
                        ("amount", pa.float64())])
    written = 0
    with pq.ParquetWriter(out, schema) as writer:
        while written < orders:
            n = min(chunk, orders - written)
            number = rng.integers(1, int(customers * 1.1) + 1, n)
            cid = pa.array(number, pa.int64())
            if ids == "text":
                cid = pc.binary_join_element_wise("C", pc.cast(cid, pa.string()), "")
            days = (start + rng.integers(0, 730, n)).astype(np.int32)
            amount = np.round(rng.gamma(2.0, 25.0, n), 2)
            returns = rng.random(n) < 0.03
            amount[returns] = -np.round(amount[returns] * rng.random(returns.sum()), 2)
            writer.write_table(pa.table({"customer_id": cid,
                                         "date": pa.array(days, pa.int32()).cast(pa.date32()),
                                         "amount": amount}, schema=schema))
            written += n
            print(f"{written:,} rows", flush=True)


def run(path: Path, memory_limit: str | None, temp_dir: Path | None) -> None:
    parent = Path(temp_dir or tempfile.mkdtemp(prefix="clv-scale-"))
    before = set(parent.iterdir())
    command = [sys.executable, "-m", "clvdesk", "summarize", str(path), "--period", "days",
               "--json", "--temp-dir", str(parent)]
    if memory_limit:
        command += ["--memory-limit", memory_limit]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    peak_gb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024**2
    left = set(parent.iterdir()) - before
    print(done.stdout.strip()[:800])
    if done.returncode:
        print(done.stderr.strip()[-2000:])
    print(f"exit {done.returncode}, {seconds:.1f} s, peak RSS {peak_gb:.2f} GB, "
          f"memory limit {memory_limit or 'default'}, spill folders left: {len(left)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate")
    gen.add_argument("--out", type=Path, required=True)
    gen.add_argument("--orders", type=int, default=100_000_000)
    gen.add_argument("--customers", type=int, default=10_000_000)
    gen.add_argument("--ids", choices=("integer", "text"), default="integer")
    gen.add_argument("--chunk", type=int, default=5_000_000)
    gen.add_argument("--seed", type=int, default=14)
    go = sub.add_parser("run")
    go.add_argument("path", type=Path)
    go.add_argument("--memory-limit")
    go.add_argument("--temp-dir", type=Path)
    args = parser.parse_args()
    if args.command == "generate":
        generate(args.out, orders=args.orders, customers=args.customers, ids=args.ids,
                 chunk=args.chunk, seed=args.seed)
    else:
        run(args.path, args.memory_limit, args.temp_dir)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
