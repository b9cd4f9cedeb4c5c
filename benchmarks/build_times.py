"""Measure build times and download sizes, and print them as ratios.

    .venv/bin/python benchmarks/build_times.py [--runs N]

Builds, in one run on this machine (each time the median of N builds, default 3):

  (a) plain  the same Markdown and mkdocs.yml with Material and the plugins, without our hooks
  (b) html   our site without the exports (GUIDE_SKIP_EXPORTS=1)
  (c) full   our site with the three PDFs and the offline copy, as `mkdocs build` makes it
  (d) large  our HTML build of a synthetic copy with ten times the pages

and prints the ratios b/a (target <= 1.15), d/b (target <= 10.5) and (c-b)/b (the exports'
cost; goal <= 2), and the size of each download. Timings are for reading, not asserting: the
tests never time anything.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
COPIES = 10


def build(config: Path, site_dir: Path, **env: str) -> float:
    """Seconds one strict `mkdocs build` takes."""
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", **env)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(site_dir)]
    started = time.perf_counter()
    subprocess.run(command, cwd=config.parent, env=environment, check=True, capture_output=True)
    return time.perf_counter() - started


def median_build(runs: int, config: Path, site_dir: Path, **env: str) -> float:
    return statistics.median(build(config, site_dir, **env) for _ in range(runs))


def project_copy(folder: Path, config_text: str, docs: Path) -> Path:
    """A copy of the project (hooks, theme files, pyproject) with its own docs and mkdocs.yml."""
    for name in ("hooks", "overrides", "pyproject.toml"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / name)
    if docs != folder / "docs":
        shutil.copytree(docs, folder / "docs")
    config = folder / "mkdocs.yml"
    config.write_text(config_text, encoding="utf-8")
    return config


def without_hooks(config_text: str) -> str:
    """mkdocs.yml with no `hooks:` list: Material and the plugins alone."""
    return re.sub(r"\nhooks:\n(?:  - .*\n)+", "\n", config_text)


def multiplied(docs: Path, target: Path, config_text: str) -> str:
    """Write ``COPIES`` copies of every page (ids made unique) and return the matching mkdocs.yml."""
    for lang_dir in docs.iterdir():
        for path in lang_dir.rglob("*.md"):
            relative = path.relative_to(lang_dir)
            text = path.read_text(encoding="utf-8")
            for copy in range(COPIES):
                out = target / lang_dir.name / (relative if copy == 0 else Path(f"copy{copy}") / relative)
                out.parent.mkdir(parents=True, exist_ok=True)
                body = text if copy == 0 else re.sub(r"^(::: checklist \{#)([\w-]+)\}", rf"\g<1>\g<2>-{copy}}}", text, flags=re.M)
                out.write_text(body, encoding="utf-8")
    nav = re.findall(r"^\s*-\s+(?:[^:\n]+:\s+)?([\w/.-]+\.md)\s*$", config_text, re.M)
    extra = "".join(f"  - copy{copy}/{page}\n" for copy in range(1, COPIES) for page in nav)
    return config_text.rstrip("\n") + "\n" + extra


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    config_text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        site = scratch / "site"
        (scratch / "plain").mkdir()
        plain = project_copy(scratch / "plain", without_hooks(config_text), REPO / "docs")
        (scratch / "large").mkdir()
        large_docs = scratch / "large" / "docs"
        large = project_copy(scratch / "large", multiplied(REPO / "docs", large_docs, config_text), large_docs)

        a = median_build(args.runs, plain, site)
        b = median_build(args.runs, REPO / "mkdocs.yml", site, GUIDE_SKIP_EXPORTS="1")
        c = median_build(args.runs, REPO / "mkdocs.yml", site)
        sizes = {path.name: path.stat().st_size for path in sorted((site / "download").iterdir())}
        d = median_build(args.runs, large, scratch / "site-large", GUIDE_SKIP_EXPORTS="1")
        pages = sum(1 for _ in (REPO / "docs").rglob("*.md"))

    print(f"machine: {os.cpu_count()} cores; median of {args.runs} builds each; {pages} pages (all languages)")
    print(f"(a) plain Material, same Markdown, no hooks   {a:7.2f} s")
    print(f"(b) our HTML build                            {b:7.2f} s")
    print(f"(c) our full build (3 PDFs + offline copy)    {c:7.2f} s")
    print(f"(d) our HTML build, {COPIES}x the pages ({pages * COPIES})      {d:7.2f} s")
    print(f"b/a = {b / a:.2f}   (target <= 1.15)")
    print(f"d/b = {d / b:.2f}   (target <= 10.5)")
    print(f"c/b = {c / b:.2f}   exports add {(c - b) / b:.2f} x the HTML build (goal <= 2)")
    for name, size in sizes.items():
        print(f"size {name:36} {size / 1e6:6.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
