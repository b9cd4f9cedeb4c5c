"""Measure build times and download sizes, and print them as ratios.

    .venv/bin/python benchmarks/build_times.py [--runs N]

Builds, in one run on this machine (each the median of N builds, default 3):

  html   our site without the exports (GUIDE_SKIP_EXPORTS=1)
  full   our site with the three PDFs and the offline copy, as `mkdocs build` makes it

and prints each time, the ratio full/html (goal: the exports add at most twice the HTML
build's time, i.e. full/html <= 3), and the size of each PDF and of the offline copy.
Timings are for reading, not for asserting: the tests never time anything.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def build(site_dir: Path, **env: str) -> float:
    """Seconds one strict `mkdocs build` takes."""
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", **env)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(REPO / "mkdocs.yml"), "-d", str(site_dir)]
    started = time.perf_counter()
    subprocess.run(command, cwd=REPO, env=environment, check=True, capture_output=True)
    return time.perf_counter() - started


def median_build(runs: int, site_dir: Path, **env: str) -> float:
    return statistics.median(build(site_dir, **env) for _ in range(runs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "site"
        html = median_build(args.runs, site, GUIDE_SKIP_EXPORTS="1")
        full = median_build(args.runs, site)
        print(f"machine: {os.cpu_count()} cores; median of {args.runs} builds each")
        print(f"html build (no exports):         {html:6.2f} s")
        print(f"full build (3 PDFs + offline):   {full:6.2f} s")
        print(f"exports add:                     {full - html:6.2f} s = {(full - html) / html:.2f} x the HTML build (goal <= 2)")
        print(f"ratio full / html:               {full / html:6.2f}")
        for path in sorted((site / "download").iterdir()):
            print(f"size {path.name:36} {path.stat().st_size / 1e6:6.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
