"""Benchmark of the API connectors: pull 50,000 lieux from the loopback fake data·inclusion v1 (pages of 5,000).

Reports (harness contract: ``run(ctx)`` → ``ctx.report(name, value, unit, target, note)``):

* ``api_pull_50k_seconds`` — pull + conversion (+ payload checks with the data·inclusion models) of 50,000
  structures and their 50,000 numérique services, headless client (requests transport); target < 30 s;
* ``api_pull_50k_peak_memory`` — peak resident memory of that process; target < 1 GB;
* ``api_pull_50k_qgis_seconds`` — the same pull inside QGIS (QGIS network stack) in a ``QgsTask``;
* ``api_pull_event_loop_latency`` — the longest gap between ticks of a 10 ms ``QTimer`` on the main thread
  while the task pulls (how long the QGIS UI could freeze); target < 100 ms. The task runs the plugin's
  ``api_session.pull`` (pages decoded by ``plugin/api/json_chunks.py``, cyclic GC paused), as the pull dialog.

The fake server runs in its own process (as a real server would: it does not share the client's GIL).
Each measurement runs in a fresh child process so that its peak memory is its own. Standalone:
``.venv/bin/python -m bench.bench_api [--lieux N]``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIEUX = 50_000
PAGE = 5_000


def start_fake_server(lieux: int) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.fakeapi.server", "--lieux", str(lieux)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    url = process.stdout.readline().strip()
    if not url.startswith("http"):
        process.kill()
        raise RuntimeError("fake server did not start")
    return process, url


def _child(mode: str, url: str) -> dict:
    output = subprocess.run(
        [sys.executable, "-m", "bench.bench_api", "--child", mode, "--url", url],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT),
                                                        "QT_QPA_PLATFORM": "offscreen"},
        timeout=600,
    )
    for line in output.stdout.splitlines()[::-1]:
        if line.startswith("{"):
            return json.loads(line)
    raise RuntimeError(f"bench child {mode} failed: {output.stderr[-2000:]}")


def _peak_mb() -> float:
    from bench.run import process_peak_kb  # VmHWM: ru_maxrss would include the parent's resident size

    return process_peak_kb() / 1024.0


def child_headless(url: str) -> dict:
    from plugin.api.connectors import make_connector
    from plugin.api.http import ApiClient, Credentials, Secret
    from plugin.api.territory import Territory

    client = ApiClient(url + "/api/v1", credentials=Credentials("Bearer", Secret("di-secret-token")))
    start = time.perf_counter()
    result = make_connector("data-inclusion", client, page_size=PAGE).pull(Territory("departement", "13"))
    france = len(result.lieux)
    # the whole dataset: 8 territories in the fake data, pulled one after the other
    for dep in ("83", "06", "75", "2A", "974"):
        connector = make_connector("data-inclusion", client, page_size=PAGE)
        france += len(connector.pull(Territory("departement", dep)).lieux)
    seconds = time.perf_counter() - start
    return {"lieux": france, "seconds": seconds, "peak_mb": _peak_mb(), "requests": client.requests_sent}


def child_qgis(url: str) -> dict:
    from qgis.core import QgsApplication, QgsTask
    from qgis.PyQt.QtCore import QElapsedTimer, QTimer

    app = QgsApplication([], False)
    app.initQgis()
    from plugin.api.http import ApiClient, Credentials, Secret
    from plugin.api.territory import Territory
    from plugin.qgis import api_session
    from plugin.qgis.network import QgisTransport

    class PullTask(QgsTask):
        def __init__(self):
            super().__init__("pull", QgsTask.Flag.CanCancel)
            self.count, self.error = 0, None

        def run(self):
            try:
                client = ApiClient(url + "/api/v1", credentials=Credentials("Bearer", Secret("di-secret-token")),
                                   transport=QgisTransport(), cancelled=self.isCanceled)
                for dep in ("13", "83", "06", "75", "2A", "974"):
                    result = api_session.pull("data-inclusion", Territory("departement", dep), client,
                                              lambda p, m: self.setProgress(p))  # as the pull dialog does
                    self.count += len(result.lieux)
                return True
            except Exception as error:  # reported by the bench
                self.error = repr(error)
                return False

    task = PullTask()
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick():
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    start = time.perf_counter()
    QgsApplication.taskManager().addTask(task)
    while task.status() not in (QgsTask.TaskStatus.Complete, QgsTask.TaskStatus.Terminated):
        app.processEvents()
        time.sleep(0.001)
    seconds = time.perf_counter() - start
    timer.stop()
    gaps.sort()
    return {"lieux": task.count, "seconds": seconds, "max_gap_ms": max(gaps) if gaps else None,
            "p99_gap_ms": gaps[int(len(gaps) * 0.99)] if gaps else None, "error": task.error,
            "peak_mb": _peak_mb()}


def measure(lieux: int = LIEUX) -> dict:
    server, url = start_fake_server(lieux)
    try:
        headless = _child("headless", url)
        qgis = _child("qgis", url)
    finally:
        server.kill()
        server.wait()
    return {"headless": headless, "qgis": qgis}


def run(ctx) -> None:
    results = measure()
    headless, qgis = results["headless"], results["qgis"]
    note = f"{headless['lieux']} lieux, pages of {PAGE}, {headless['requests']} requests, fake data·inclusion v1"
    ctx.report("api_pull_50k_seconds", round(headless["seconds"], 2), "s", target=30, note=note)
    ctx.report("api_pull_50k_peak_memory", round(headless["peak_mb"]), "MB", target=1024, note=note)
    ctx.report("api_pull_50k_qgis_seconds", round(qgis["seconds"], 2), "s", target=30,
               note=f"{qgis['lieux']} lieux in a QgsTask, QGIS network stack")
    ctx.report("api_pull_event_loop_latency", round(qgis["max_gap_ms"], 1), "ms", target=100,
               note=f"max gap of a 10 ms QTimer during the pull (p99 {qgis['p99_gap_ms']:.0f} ms)")


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--child")
    parser.add_argument("--url")
    parser.add_argument("--lieux", type=int, default=LIEUX)
    args = parser.parse_args()
    if args.child == "headless":
        print(json.dumps(child_headless(args.url)))
    elif args.child == "qgis":
        print(json.dumps(child_qgis(args.url)))
    else:
        print(json.dumps(measure(args.lieux), indent=2))


if __name__ == "__main__":
    main()
