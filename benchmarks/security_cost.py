"""What the security checks cost a build, printed as a share of the HTML build.

    .venv/bin/python benchmarks/security_cost.py [--runs N]

Builds the site without exports (the build cache warm, the median of N builds), then times, on
the pages that build wrote, the two checks every build runs on every page: the allowlist
sanitizer on the rendered Markdown (``security.sanitizer``) and the last check of the finished
page (``security.page_output``). Timings are for reading, not asserting.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from networking_guide.security import page_output, sanitizer

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory(prefix="guide-security-cost-") as scratch:
        site, cache = Path(scratch) / "site", Path(scratch) / "cache"
        environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", GUIDE_SKIP_EXPORTS="1", GUIDE_CACHE_DIR=str(cache))
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(REPO / "mkdocs.yml"), "-d", str(site)]
        subprocess.run(command, env=environment, check=True, capture_output=True)  # warms the cache
        builds = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run(command, env=environment, check=True, capture_output=True)
            builds.append(time.perf_counter() - started)
        pages = [path.read_text(encoding="utf-8") for path in site.rglob("*.html") if "assets" not in path.parts]
        articles = [match.group(1) for page in pages if (match := re.search(r"<article[^>]*>(.*)</article>", page, re.S))]

        def timed(check, documents) -> float:
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                for document in documents:
                    check(document)
                times.append(time.perf_counter() - started)
            return statistics.median(times)

        content = timed(sanitizer.sanitize, articles)
        finished = timed(page_output.page_problems, pages)
    build = statistics.median(builds)
    print(f"HTML build (warm cache): {build:.2f} s for {len(pages)} pages")
    print(f"sanitizer on every page's content: {content:.2f} s ({content / build:.0%} of the build)")
    print(f"last check of every finished page: {finished:.2f} s ({finished / build:.0%} of the build)")
    print(f"both: {content + finished:.2f} s, {(content + finished) / build:.0%} of the build")


if __name__ == "__main__":
    main()
