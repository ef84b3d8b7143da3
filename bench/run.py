"""Benchmark harness: ``make bench`` → ``.venv/bin/python -m bench.run``.

Generates the realistic 50,000-lieux CSV once (``bench/generate.py``, cached in ``bench-output/``), then imports
every ``bench/bench_*.py`` module and calls its ``run(ctx)``; prints a table of the results and writes them to
``bench-output/results.json``. See ``bench/README.md`` for the context API. Options:

    --only io,validation   run only these modules (names without the ``bench_`` prefix)
    --repeat N             default number of repeats of ctx.median (5)
    --rows N               size of the generated file (50,000)
    --regenerate           rebuild the generated file even if cached
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import platform
import statistics
import subprocess
import sys
import textwrap
import time
import traceback
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import generate  # noqa: E402

OUTPUT = ROOT / "bench-output"
HIGHER_IS_BETTER_UNITS = ("rows/s", "/s", "×", "x", "ratio", "%")


@dataclass
class Result:
    module: str
    name: str
    value: float
    unit: str
    target: float | str | None = None
    note: str = ""
    ok: bool | None = None


@dataclass
class Context:
    """What a benchmark module receives: the data, timing and memory helpers, and ``report``."""

    data_csv: Path
    rows: int
    repeat: int = 5
    output: Path = OUTPUT
    results: list[Result] = field(default_factory=list)
    module: str = ""
    # median CPU seconds of the last median()/measure() (this process's threads): steadier than wall-clock
    # time on a machine shared with other work; quote it beside the wall-clock median
    last_cpu_seconds: float = 0.0
    _table: Any = None

    # ---- data
    def table(self):
        """The generated file read once with ``read_table`` (cached): a :class:`~plugin.core.records.Table`."""
        if self._table is None:
            from plugin.core.readers import read_table

            self._table = read_table(self.data_csv)
        return self._table

    def records(self) -> list[dict[str, str]]:
        """The generated lieux as records of the standard (32 fields, strings), read once and cached."""
        return self.table().rows

    def dense_csv(self) -> Path:
        """The issue-dense variant of the generated file (every pivot the placeholder, most ``date_maj`` over two
        years old: ~3 issues per lieu, as in real exports), generated on first use and cached like the other."""
        return ensure_data(self.rows or generate.DEFAULT_ROWS, False, dense=True)

    def path(self, name: str) -> Path:
        """A path in bench-output/ for a module's own files (derived data sets, temporary exports)."""
        self.output.mkdir(parents=True, exist_ok=True)
        return self.output / name

    # ---- measuring
    def median(self, fn: Callable[[], Any], repeat: int | None = None, warmup: int = 0) -> float:
        """Median wall-clock seconds of ``repeat`` calls of ``fn()`` (after ``warmup`` untimed calls)."""
        return self.measure(fn, repeat, warmup)[0]

    def measure(self, fn: Callable[[], Any], repeat: int | None = None, warmup: int = 0) -> tuple[float, Any]:
        """(median seconds, value returned by the last call)."""
        for _ in range(warmup):
            fn()
        times, cpu, value = [], [], None
        for _ in range(repeat or self.repeat):
            gc.collect()
            start, start_cpu = time.perf_counter(), time.process_time()
            value = fn()
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        self.last_cpu_seconds = statistics.median(cpu)
        return statistics.median(times), value

    def peak_memory(self, fn: Callable[[], Any]) -> float:
        """Extra peak resident memory (MB) that ``fn()`` needs on top of the current process.

        ``fn`` runs in a forked child: the child's peak RSS (VmHWM, reset to the current RSS at fork)
        minus its RSS before the call — C and Rust allocations included, unlike tracemalloc. Where fork or
        /proc is unavailable, falls back to tracemalloc's peak of Python allocations.
        """
        if not hasattr(os, "fork") or not Path("/proc/self/status").exists():
            return _tracemalloc_peak(fn)
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # child
            code = 0
            try:
                os.close(read_end)
                before = _proc_status_kb("VmRSS")
                fn()
                peak = _proc_status_kb("VmHWM")
                os.write(write_end, json.dumps({"before": before, "peak": peak}).encode())
            except BaseException:  # report nothing; the parent raises
                code = 1
            finally:
                os._exit(code)
        os.close(write_end)
        with os.fdopen(read_end) as pipe:
            payload = pipe.read()
        _, status = os.waitpid(pid, 0)
        if status != 0 or not payload:
            raise RuntimeError("peak_memory: the measured function failed in the child process")
        data = json.loads(payload)
        return max(0.0, (data["peak"] - data["before"]) / 1024.0)

    def process_peak_memory(self, code: str, timeout: float = 900) -> float:
        """Peak resident memory (MB) of a fresh Python process running ``code`` (interpreter and imports
        included: what a user's process costs). ``DATA_CSV`` (a Path) is defined for the code.

        Measured as the process's own VmHWM (:func:`process_peak_kb`): ``ru_maxrss`` would include the
        resident size of this (large) benchmark process, which the child inherits at fork/exec."""
        program = (
            textwrap.dedent(
                f"""
            import resource, sys
            from pathlib import Path
            sys.path.insert(0, {str(ROOT)!r})
            DATA_CSV = Path({str(self.data_csv)!r})
            """
            )
            + textwrap.dedent(code)
            + "\nfrom bench.run import process_peak_kb\nprint('PEAK_KB', process_peak_kb())\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, timeout=timeout
        )
        for line in done.stdout.splitlines()[::-1]:
            if line.startswith("PEAK_KB "):
                return int(line.split()[1]) / 1024.0
        raise RuntimeError(f"process_peak_memory failed: {done.stderr[-2000:]}")

    # ---- reporting
    def report(self, name: str, value: float, unit: str, target: float | str | None = None, note: str = "") -> None:
        """Record a figure. ``target``: a number (a minimum for rates/ratios such as rows/s or ×, a maximum
        for durations/sizes such as s or MB) or a string with its comparison (">= 5", "< 500")."""
        result = Result(self.module, name, float(value), unit, target, note, _meets(float(value), unit, target))
        self.results.append(result)
        print(f"  {name:<44} {_fmt(value):>12} {unit:<8} {_target_text(unit, target):<12} {note}", flush=True)


def process_peak_kb() -> int:
    """Peak resident memory (kB) of the current process image: ``VmHWM`` (Linux), else ``ru_maxrss``.

    Not ``ru_maxrss`` where /proc exists: Linux carries the parent's resident size over fork + exec into the
    child's ``ru_maxrss`` (a child of a 400 MB process reports 400 MB however little it uses), while VmHWM
    belongs to the new process image.
    """
    try:
        return _proc_status_kb("VmHWM")
    except (OSError, KeyError):
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS, kB elsewhere


def _proc_status_kb(key: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    raise KeyError(key)


def _tracemalloc_peak(fn: Callable[[], Any]) -> float:
    import tracemalloc

    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def _meets(value: float, unit: str, target: float | str | None) -> bool | None:
    if target is None:
        return None
    if isinstance(target, str):
        text = target.strip()
        for op in (">=", "<=", ">", "<", "="):
            if text.startswith(op):
                limit = float(text[len(op) :])
                return {">=": value >= limit, "<=": value <= limit, ">": value > limit, "<": value < limit,
                        "=": value == limit}[op]  # fmt: skip
        target = float(text)
    higher = any(unit.endswith(u) for u in HIGHER_IS_BETTER_UNITS)
    return value >= target if higher else value <= target


def _target_text(unit: str, target: float | str | None) -> str:
    if target is None:
        return ""
    if isinstance(target, str):
        return target
    return (">= " if any(unit.endswith(u) for u in HIGHER_IS_BETTER_UNITS) else "<= ") + _fmt(target)


def _fmt(value: float) -> str:
    if abs(value) >= 1000:
        return f"{value:,.0f}".replace(",", " ")
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}"


def ensure_data(rows: int, regenerate: bool, dense: bool = False) -> Path:
    """The generated CSV (``dense``: its issue-dense variant), rebuilt when absent, asked for, or made by another
    generator version/seed."""
    path = OUTPUT / f"lieux-{rows}.csv"
    if dense:
        path = generate.dense_path(path)
    truth_path = generate.defects_path(path)
    if path.exists() and truth_path.exists() and not regenerate:
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        expected = (generate.GENERATOR_VERSION, generate.DEFAULT_SEED)
        same = (truth.get("generator_version"), truth.get("seed")) == expected
        if same and (not dense or truth.get("dense_version") == generate.DENSE_VERSION):
            return path
    print(f"Generating {rows} lieux into {path.relative_to(ROOT)}…", flush=True)
    start = time.perf_counter()
    truth = (generate.generate_dense if dense else generate.generate)(path, rows)
    print(f"  {truth['rows_with_defects']} rows with injected defects, {time.perf_counter() - start:.1f} s", flush=True)
    return path


def discover(only: list[str] | None) -> list[str]:
    names = sorted(p.stem for p in (ROOT / "bench").glob("bench_*.py"))
    if only:
        wanted = {f"bench_{name}" if not name.startswith("bench_") else name for name in only}
        names = [name for name in names if name in wanted]
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="lieux_mednum benchmarks")
    parser.add_argument("--only", default="", help="comma-separated module names (without bench_)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rows", type=int, default=generate.DEFAULT_ROWS)
    parser.add_argument("--regenerate", action="store_true")
    args = parser.parse_args(argv)

    os.chdir(ROOT)
    data = ensure_data(args.rows, args.regenerate)
    ctx = Context(data_csv=data, rows=args.rows, repeat=args.repeat)
    failures = []
    for name in discover([n for n in args.only.split(",") if n]):
        ctx.module = name.removeprefix("bench_")
        print(f"\n== {ctx.module}", flush=True)
        try:
            importlib.import_module(f"bench.{name}").run(ctx)
        except Exception:  # one broken module must not hide the others' figures
            failures.append(name)
            traceback.print_exc()
    summary(ctx, failures, data, partial=bool(args.only))
    return 1 if failures else 0


def summary(ctx: Context, failures: list[str], data: Path, partial: bool = False) -> None:
    print("\n" + "=" * 100)
    print(f"{'module':<12} {'measure':<44} {'value':>12} {'unit':<8} {'target':<12} ok")
    for r in ctx.results:
        ok = "" if r.ok is None else ("yes" if r.ok else "NO")
        print(f"{r.module:<12} {r.name:<44} {_fmt(r.value):>12} {r.unit:<8} {_target_text(r.unit, r.target):<12} {ok}")
    if failures:
        print(f"FAILED modules: {', '.join(failures)}")
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    results = [asdict(r) for r in ctx.results]
    previous = OUTPUT / "results.json"
    if partial and previous.exists():  # --only: keep the other modules' last figures
        ran = {r.module for r in ctx.results} | {name.removeprefix("bench_") for name in failures}
        try:
            kept = [r for r in json.loads(previous.read_text(encoding="utf-8"))["results"] if r["module"] not in ran]
        except (ValueError, KeyError):
            kept = []
        results = kept + results
    payload = {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "data": {"path": str(data.relative_to(ROOT)), "rows": ctx.rows, "bytes": data.stat().st_size},
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "load_average": load,
        },
        "repeat": ctx.repeat,
        "results": results,
        "failed_modules": failures,
    }
    (OUTPUT / "results.json").write_text(json.dumps(payload, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"Results written to {(OUTPUT / 'results.json').relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
