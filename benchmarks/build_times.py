"""Measure build times and download sizes, and print them as ratios.

    .venv/bin/python benchmarks/build_times.py [--runs N]

Builds, in one run on this machine (each time the median of N builds, default 3):

  (a) plain  the same Markdown and mkdocs.yml with Material and the plugins, without our hooks
  (b) html   our site without the exports (GUIDE_SKIP_EXPORTS=1), the build cache warm
  (c) cold   our full build (PDFs, EPUBs, checklist cards, offline copy), the cache empty
  (e) warm   our full build again, nothing changed: every export reused from the cache
  (f) one    our full build after one English page changed: only the English exports are made
  (d) large  our HTML build of a synthetic copy with ten times the pages

and prints the ratios b/a (target <= 1.15), d/b (target <= 10.5), e/b (goal <= 1.3), f/b and
c/b, and the size of each download. Timings are for reading, not asserting: the tests never time
anything.
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


def build(config: Path, site_dir: Path, cache: Path, **env: str) -> float:
    """Seconds one strict `mkdocs build` takes, with ``cache`` as its build cache."""
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", GUIDE_CACHE_DIR=str(cache), **env)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(site_dir)]
    started = time.perf_counter()
    result = subprocess.run(command, cwd=config.parent, env=environment, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"build of {config} failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - started


def median_build(runs: int, config: Path, site_dir: Path, cache: Path, before=None, **env: str) -> float:
    """The median of ``runs`` builds; ``before()`` runs before each (not timed)."""
    times = []
    for run in range(runs):
        if before:
            before(run)
        times.append(build(config, site_dir, cache, **env))
    return statistics.median(times)


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
                body = text if copy == 0 else re.sub(r"^(\s*::: (?:checklist|template) \{#)([\w-]+)\}", rf"\g<1>\g<2>-{copy}}}", text, flags=re.M)
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

        cache = scratch / "cache"
        a = median_build(args.runs, plain, site, scratch / "cache-plain")
        build(REPO / "mkdocs.yml", site, cache, GUIDE_SKIP_EXPORTS="1")  # the compiled templates
        b = median_build(args.runs, REPO / "mkdocs.yml", site, cache, GUIDE_SKIP_EXPORTS="1")
        c = median_build(args.runs, REPO / "mkdocs.yml", site, cache, before=lambda run: shutil.rmtree(cache, ignore_errors=True))
        e = median_build(args.runs, REPO / "mkdocs.yml", site, cache)
        # One English page changed, a different sentence each time, in a copy of the project.
        (scratch / "edited").mkdir()
        edited = project_copy(scratch / "edited", config_text, REPO / "docs")
        page = scratch / "edited" / "docs" / "en" / "checklists" / "at-the-event.md"
        original = page.read_text(encoding="utf-8")
        build(edited, scratch / "site-edited", cache)
        f = median_build(args.runs, edited, scratch / "site-edited", cache,
                         before=lambda run: page.write_text(original + f"\nA sentence added for run {run}.\n", encoding="utf-8"))
        downloads = sorted(path for path in (site / "download").rglob("*") if path.is_file())
        sizes = {path.relative_to(site / "download").as_posix(): path.stat().st_size for path in downloads}
        d = median_build(args.runs, large, scratch / "site-large", scratch / "cache-large", GUIDE_SKIP_EXPORTS="1")
        pages = sum(1 for _ in (REPO / "docs").rglob("*.md"))

    print(f"machine: {os.cpu_count()} cores; median of {args.runs} builds each; {pages} pages (all languages)")
    print(f"(a) plain Material, same Markdown, no hooks      {a:7.2f} s")
    print(f"(b) our HTML build                               {b:7.2f} s")
    print(f"(c) our full build, empty cache                  {c:7.2f} s")
    print(f"(e) our full build, nothing changed              {e:7.2f} s")
    print(f"(f) our full build, one English page changed     {f:7.2f} s")
    print(f"(d) our HTML build, {COPIES}x the pages ({pages * COPIES})         {d:7.2f} s")
    print(f"b/a = {b / a:.2f}   (target <= 1.15)")
    print(f"d/b = {d / b:.2f}   (target <= 10.5)")
    print(f"e/b = {e / b:.2f}   (goal <= 1.3: a rebuild with nothing changed)")
    print(f"f/b = {f / b:.2f}   (one language's exports made again)")
    print(f"c/b = {c / b:.2f}   (everything made)")
    cards = {name: size for name, size in sizes.items() if name.startswith("cards/")}
    for name, size in sizes.items():
        if not name.startswith("cards/"):
            print(f"size {name:36} {size / 1e6:6.2f} MB")
    if cards:
        print(f"size cards/ ({len(cards)} cards)                   {sum(cards.values()) / 1e6:6.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
