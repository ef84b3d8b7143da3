"""Benchmark of the command line as a user runs it: one whole process per report, side by side with frictionless.

``python -m plugin validate FILE --format json|html|text -o REPORT`` is started as a fresh process (interpreter
start-up, imports, reference data, reading, validation, the report built and written: everything a user waits
for), on the generated file and on its issue-dense variant (``ctx.dense_csv()``: every pivot the placeholder,
most ``date_maj`` over two years old, national phone numbers: ~2.7 issues per lieu as in real exports), and
``frictionless validate FILE --schema … --json`` (frictionless 5, the engine of Validata) on the same files in
the same run, interleaved (ours json, ours html, ours text, frictionless, ours json…) so that every process sees
the same machine load. Medians of ``ctx.repeat`` runs.

Reports, for each file (``regular``, ``dense``) and format:

* ``cli_<file>_<format>_s`` — wall-clock seconds of the whole process (report written);
* ``cli_<file>_<format>_vs_frictionless`` — frictionless's median over ours (target ≥ 5×);
* ``cli_<file>_<format>_peak_mb`` — the process's peak resident memory (its own ``VmHWM``, target < 500 MB);
* ``cli_<file>_html_mb`` — the size of the HTML report (target < 10 MB);
* ``cli_<file>_html_open_s`` — the time headless Chromium takes to load the HTML report (its load event, measured
  in the page that frames it: parsing, style, layout of what is on screen; target < 2 s), when ``chromium`` is
  installed (Debian: ``apt install chromium``), beside the same measure of a one-line page;
* ``frictionless_cli_<file>_s`` — frictionless's whole process.

Standalone: ``.venv/bin/python -m bench.bench_cli [--repeat N] [--only-dense]``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

FORMATS = ("json", "html", "text")

# A fresh interpreter that runs a module as ``python -m`` does (runpy) and, when it exits, prints its own peak
# resident memory (VmHWM: it belongs to this process image, unlike ru_maxrss, which Linux carries over from
# the forking benchmark process) on stderr. The measured program is otherwise untouched.
_LAUNCHER = """
import atexit, runpy, sys
def _peak():
    for line in open('/proc/self/status'):
        if line.startswith('VmHWM'):
            sys.stderr.write('PEAK_KB ' + line.split()[1] + '\\n')
atexit.register(_peak)
module = sys.argv[1]
sys.argv = [module] + sys.argv[2:]
runpy.run_module(module, run_name='__main__', alter_sys=True)
"""


def whole_process(module: str, args: list[str], cwd: Path = ROOT) -> tuple[float, float, int]:
    """(wall seconds, peak MB, exit code) of ``python -m module args…`` run as a fresh process."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, module, *args], cwd=cwd, capture_output=True, text=True, timeout=900
    )
    seconds = time.perf_counter() - start
    peaks = [line for line in done.stderr.splitlines() if line.startswith("PEAK_KB ")]
    if not peaks or done.returncode not in (0, 1):
        raise RuntimeError(f"{module} {' '.join(args)} failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds, int(peaks[-1].split()[1]) / 1024.0, done.returncode


def _frictionless_args(path: Path, out: Path) -> list[str]:
    from plugin.core.schema import load_schema

    # the JSON report is what a user reads (and what Validata shows): written to a file, as ours
    return ["validate", str(path), "--schema", str(load_schema().source_path), "--schema-sync", "--trusted",
            "--json", "--limit-errors", "10000000", "--output", str(out)]


def _frictionless_has_output() -> bool:
    done = subprocess.run([sys.executable, "-m", "frictionless", "validate", "--help"], capture_output=True,
                          text=True, env={"COLUMNS": "200", "PATH": ""}, timeout=120)
    return "--output" in done.stdout


def _frictionless(path: Path, out: Path, use_output: bool) -> tuple[float, float, int]:
    args = _frictionless_args(path, out)
    if not use_output:  # older CLIs print the report: the measure then includes the pipe, as ours with stdout
        args = args[: args.index("--output")]
    return whole_process("frictionless", args)


def _chromium() -> str | None:
    import shutil

    return next((found for name in ("chromium", "chromium-browser", "google-chrome")
                 if (found := shutil.which(name))), None)


_FRAME = """<!DOCTYPE html><html><head><title>…</title></head><body>
<iframe style="width:1280px;height:900px" src="{url}" onload="document.title='LOADED '+performance.now()"></iframe>
</body></html>"""


def browser_load_seconds(browser: str, page: Path, work: Path) -> float:
    """Seconds from the navigation to the load event of ``page`` in headless Chromium (a framing page records
    ``performance.now()`` when the frame has loaded and --dump-dom prints it): the browser's own start-up left
    out."""
    import re

    frame = work / f"frame-{page.stem}.html"
    frame.write_text(_FRAME.format(url=page.resolve().as_uri()), encoding="utf-8")
    done = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files", "--dump-dom",
         frame.resolve().as_uri()], capture_output=True, text=True, timeout=300,
    )
    found = re.search(r"<title>LOADED ([\d.]+)</title>", done.stdout)
    if not found:
        raise RuntimeError(f"{browser} did not load {page}: {done.stderr[-500:]}")
    return float(found.group(1)) / 1000.0


def measure_browser(ctx, label: str, page: Path) -> None:
    browser = _chromium()
    if browser is None:
        ctx.report(f"cli_{label}_html_open_s", 0, "s", None, "skipped: chromium not installed (apt install chromium)")
        return
    tiny = ctx.path("frame-baseline.html")
    tiny.write_text("<!DOCTYPE html><html><body><p>1</p></body></html>", encoding="utf-8")
    times, baseline = [], []
    for _ in range(ctx.repeat):  # interleaved with a one-line page: the same machine load
        times.append(browser_load_seconds(browser, page, ctx.output))
        baseline.append(browser_load_seconds(browser, tiny, ctx.output))
    ctx.report(f"cli_{label}_html_open_s", statistics.median(times), "s", target=2,
               note=f"headless Chromium, load event of the {page.stat().st_size / 1e6:.1f} MB report, median of "
                    f"{ctx.repeat}; a one-line page: {statistics.median(baseline):.2f} s")


def measure_file(ctx, label: str, path: Path) -> None:
    try:
        import frictionless  # noqa: F401
    except ImportError:
        frictionless_ok = False
    else:
        frictionless_ok = True
        use_output = _frictionless_has_output()
    outputs = {fmt: ctx.path(f"cli-{label}.{fmt}") for fmt in FORMATS}
    fl_out = ctx.path(f"cli-{label}.frictionless.json")
    # warm-up: the OS file cache for the file and the interpreter's modules (as a user's second run)
    whole_process("plugin", ["validate", str(path), "--format", "json", "-o", str(outputs["json"])])
    if frictionless_ok:
        _frictionless(path, fl_out, use_output)
    ours: dict[str, list[tuple[float, float]]] = {fmt: [] for fmt in FORMATS}
    theirs: list[tuple[float, float]] = []
    for _ in range(ctx.repeat):
        for fmt in FORMATS:
            seconds, peak, _ = whole_process(
                "plugin", ["validate", str(path), "--format", fmt, "-o", str(outputs[fmt])]
            )
            ours[fmt].append((seconds, peak))
        if frictionless_ok:
            seconds, peak, _ = _frictionless(path, fl_out, use_output)
            theirs.append((seconds, peak))
    fl_seconds = statistics.median(s for s, _ in theirs) if theirs else None
    if fl_seconds is not None:
        ctx.report(f"frictionless_cli_{label}_s", fl_seconds, "s",
                   note=f"frictionless validate --json, whole process, median of {ctx.repeat}; "
                        f"peak {statistics.median(p for _, p in theirs):.0f} MB")
    for fmt in FORMATS:
        seconds = statistics.median(s for s, _ in ours[fmt])
        peak = max(p for _, p in ours[fmt])
        size_mb = outputs[fmt].stat().st_size / 1e6
        ctx.report(f"cli_{label}_{fmt}_s", seconds, "s",
                   note=f"validate --format {fmt} -o, whole process, median of {ctx.repeat}; report {size_mb:.1f} MB")
        if fl_seconds is not None:
            ctx.report(f"cli_{label}_{fmt}_vs_frictionless", fl_seconds / seconds, "×", target=5,
                       note=f"{fl_seconds:.2f} s vs {seconds:.2f} s, same run, interleaved")
        ctx.report(f"cli_{label}_{fmt}_peak_mb", peak, "MB", target=500, note="largest VmHWM of the runs")
        if fmt == "html":
            ctx.report(f"cli_{label}_html_mb", size_mb, "MB", target=10, note="size of the HTML report")
            measure_browser(ctx, label, outputs[fmt])


def run(ctx) -> None:
    measure_file(ctx, "regular", Path(ctx.data_csv))
    measure_file(ctx, "dense", ctx.dense_csv())


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only-dense", action="store_true")
    args = parser.parse_args(argv)
    from bench import run as harness

    data = harness.ensure_data(harness.generate.DEFAULT_ROWS, False)
    ctx = harness.Context(data_csv=data, rows=harness.generate.DEFAULT_ROWS, repeat=args.repeat, module="cli")
    if not args.only_dense:
        measure_file(ctx, "regular", data)
    measure_file(ctx, "dense", ctx.dense_csv())
    return 0


if __name__ == "__main__":
    sys.exit(main())
