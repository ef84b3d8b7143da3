"""Benchmark of the validation engine on the generated 50,000-lieux file, side by side with frictionless.

Reports (harness contract: ``run(ctx)`` → ``ctx.report(name, value, unit, target, note)``; medians):

* ``validation_rows_per_s`` — read + validate with the full rule set (structure, schema, quality), cold caches;
* ``validation_rules_rows_per_s`` — the full rule set alone on the table already read;
* ``frictionless_rows_per_s`` — frictionless 5 (the engine of Validata) on the same file and schema
  (``schema_sync``, no error limit), reading included;
* ``validation_vs_frictionless`` — ratio of the first and the third (target ≥ 5×), wall clock, and
  ``validation_vs_frictionless_cpu`` the same in CPU time (steadier on a shared machine); ``…_rules_vs_…`` the
  ratios with our rule set alone. Both tools read the same file from disk, in the same run, warmed up once,
  in interleaved repeats (ours, frictionless, ours, …) so that both see the same machine load; medians;
* ``validation_peak_memory`` — peak resident memory of a fresh process reading and validating the file
  (target < 500 MB);
* ``validation_incremental_load`` and ``validation_incremental_edit_ms`` — live re-validation (the dock):
  the initial pass, then one edit (target < 200 ms per edit).

Standalone: ``.venv/bin/python -m bench.bench_validation [--csv FILE] [--repeat N]``.
"""

from __future__ import annotations

import gc
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _frictionless(path: Path):
    from frictionless import Detector, Resource, Schema, system

    from plugin.core.schema import load_schema

    schema = Schema.from_descriptor(str(load_schema().source_path))
    with system.use_context(trusted=True):
        return Resource(str(path), schema=schema, detector=Detector(schema_sync=True)).validate(
            limit_errors=10_000_000
        )


def _fresh_process_peak_mb(path: Path) -> float:
    """Peak resident memory (VmHWM, MB) of a fresh process reading and validating ``path``.

    VmHWM belongs to the new process image: unlike ``ru_maxrss``, it does not inherit the resident size the
    forked child had before ``exec`` (the benchmark process's own memory).
    """
    import subprocess

    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from plugin.core.readers import read_table\n"
        "from plugin.core.validation import validate_table\n"
        f"validate_table(read_table({str(path)!r}))\n"
        "print([line for line in open('/proc/self/status') if line.startswith('VmHWM')][0].split()[1])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return int(done.stdout.strip().splitlines()[-1]) / 1024.0


def _timed(fn) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process, value) of one call, after a full collection."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    value = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, value


def run(ctx) -> None:
    from plugin.core.readers import read_table
    from plugin.core.validation import IncrementalValidator, validate_table
    from plugin.core.validation.engine import clear_caches

    path = Path(ctx.data_csv)
    table = read_table(path)  # this module's own copy, as the reader returns it (another module may have
    rows = table.row_count    # turned the shared ctx.table() into dicts)
    validate_table(table)  # warm-up: imports and the reference data (loaded once per process)

    def end_to_end():
        clear_caches()
        return validate_table(read_table(path))

    def rules_only():
        clear_caches()
        return validate_table(table)

    try:
        import frictionless  # noqa: F401
    except ImportError:
        frictionless_run = None
    else:
        def frictionless_run():
            return _frictionless(path)

        frictionless_run()  # warm-up, as ours: imports, plugins, schema

    # Interleaved repeats: each of our runs is followed by a frictionless run, so both see the same machine
    # load; the medians of each and their ratio are reported (wall clock and CPU time of this process).
    ours, theirs = [], []
    report = fl_report = None
    for _ in range(ctx.repeat):
        wall, cpu, report = _timed(end_to_end)
        ours.append((wall, cpu))
        if frictionless_run is not None:
            wall, cpu, fl_report = _timed(frictionless_run)
            theirs.append((wall, cpu))
    seconds, cpu = statistics.median(w for w, _ in ours), statistics.median(c for _, c in ours)
    rules_seconds = ctx.median(rules_only)
    rules_cpu = getattr(ctx, "last_cpu_seconds", None)
    note = f"{report.errors} errors, {report.warnings} warnings, {len(report.fixable())} safe fixes"
    ctx.report("validation_rows_per_s", rows / seconds, "rows/s",
               note=f"read + validate, median of {ctx.repeat}: {seconds:.2f} s (CPU {cpu:.2f} s); {note}")
    ctx.report("validation_rules_rows_per_s", rows / rules_seconds, "rows/s",
               note=f"rule set alone, table read: {rules_seconds:.2f} s (CPU {rules_cpu:.2f} s)")

    if frictionless_run is None:
        ctx.report("frictionless_rows_per_s", 0, "rows/s", note="frictionless not installed: no comparison")
    else:
        fl_seconds, fl_cpu = statistics.median(w for w, _ in theirs), statistics.median(c for _, c in theirs)
        fl_errors = sum(len(task.errors) for task in fl_report.tasks)
        ctx.report("frictionless_rows_per_s", rows / fl_seconds, "rows/s",
                   note=f"median of {ctx.repeat}: {fl_seconds:.2f} s (CPU {fl_cpu:.2f} s); {fl_errors} errors")
        ctx.report("validation_vs_frictionless", fl_seconds / seconds, "×", target=5,
                   note="wall clock: read + full rule set vs frictionless (reading included), interleaved runs")
        ctx.report("validation_rules_vs_frictionless", fl_seconds / rules_seconds, "×",
                   note="wall clock: full rule set alone vs frictionless")
        ctx.report("validation_vs_frictionless_cpu", fl_cpu / cpu, "×", target=5,
                   note=f"CPU time (steadier on a shared machine): {cpu:.2f} s vs {fl_cpu:.2f} s")
        if rules_cpu:
            ctx.report("validation_rules_vs_frictionless_cpu", fl_cpu / rules_cpu, "×",
                       note=f"CPU time: rule set alone {rules_cpu:.2f} s")

    peak = _fresh_process_peak_mb(path)
    ctx.report("validation_peak_memory", peak, "MB", target=500, note="fresh process (VmHWM): read + validate")

    records = {index: dict(row) for index, row in enumerate(table.rows)}  # the dock's records (dicts)
    start = time.perf_counter()
    clear_caches()
    live = IncrementalValidator()
    live.load(records)
    ctx.report("validation_incremental_load", time.perf_counter() - start, "s", note=f"{rows} lieux")
    rng = random.Random(1)
    keys = list(records)
    edits = []
    for number in range(60):
        key = rng.choice(keys)
        record = dict(records[key])
        if number % 3 == 0:
            record["id"] = records[rng.choice(keys)]["id"]  # a duplicate id: other lieux are affected
        elif number % 3 == 1:
            record["telephone"] = "01 80 05 98 80"
        else:
            record["nom"] = record["nom"] + " (modifié)"
        edits.append((key, record))
    edits_iter = iter(edits)

    def one_edit():
        key, record = next(edits_iter)
        return live.update({key: record})

    edit_seconds = ctx.median(one_edit, repeat=50)
    ctx.report("validation_incremental_edit_ms", edit_seconds * 1000, "ms", target=200,
               note=f"one edit re-validated among {rows} lieux (median of 50)")


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=None, help="file of lieux (default: the generated one)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    from bench import run as harness

    data = args.csv or harness.ensure_data(harness.generate.DEFAULT_ROWS, False)
    ctx = harness.Context(data_csv=data, rows=0, repeat=args.repeat, module="validation")
    ctx.rows = ctx.table().row_count
    run(ctx)
    return 0


if __name__ == "__main__":
    sys.exit(main())
