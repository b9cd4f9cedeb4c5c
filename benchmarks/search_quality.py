"""How often search brings the page that answers a reader's question into the first three
results, per language, for two query sets: the one the tests use (tests/data/search-queries.yml)
and one kept apart, never used to tune search (benchmarks/data/search-queries-unseen.yml).

    .venv/bin/python benchmarks/search_quality.py [--site SITE_DIR] [--misses]

Builds the site (HTML only) unless given one, and scores it twice: as the guide builds search
(each language's stemmer and stop words, typed words stemmed by the guide's worker, keywords,
field weights), and as the theme alone would (its own worker, stop words only, its weights), by
putting the theme's settings back into a copy of the same site. Prints the shares, for reading:
the tests hold a floor, they time nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from networking_guide.project import Project
from networking_guide.search.quality import Query, Score, load_queries, score

REPO = Path(__file__).resolve().parent.parent

SETS = {"tests": REPO / "tests" / "data" / "search-queries.yml",
        "unseen": REPO / "benchmarks" / "data" / "search-queries-unseen.yml"}
THEME_FIELDS = {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}


def prefixes() -> dict[str, str]:
    project = Project(REPO)
    return {code: "" if code == project.default else f"{code}/" for code in project.codes}


def build(site: Path) -> None:
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", GUIDE_SKIP_EXPORTS="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                            cwd=REPO, env=environment, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"the build failed:\n{result.stderr[-3000:]}")


def as_the_theme_alone(site: Path, target: Path, languages: dict[str, str]) -> None:
    """A copy of ``site`` whose search is the theme's own: its worker, stop words only, its
    field weights, no keywords."""
    shutil.copytree(site, target)
    workers = target / "assets" / "javascripts" / "workers"
    theme_worker = next(path.name for path in workers.glob("search.*.min.js"))
    for page in target.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r'("search": "[^"]*/)guide-search\.js"', rf'\g<1>{theme_worker}"', html), encoding="utf-8")
    for prefix in languages.values():
        index_file = target / prefix / "search" / "search_index.json"
        index = json.loads(index_file.read_text(encoding="utf-8"))
        index["config"].update(pipeline=["stopWordFilter"], fields=THEME_FIELDS)
        for doc in index["docs"]:
            doc.pop("keywords", None)
        index_file.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")


def scores(site: Path, queries: dict[str, list[Query]], languages: dict[str, str]) -> list[Score]:
    return [score(site, lang, languages[lang], queries[lang]) for lang in languages if lang in queries]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a site built already (default: build one)")
    parser.add_argument("--misses", action="store_true", help="list the queries the guide's search misses")
    args = parser.parse_args()
    languages = prefixes()
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        site = args.site or scratch / "site"
        if not args.site:
            build(site)
        theme = scratch / "theme"
        as_the_theme_alone(site, theme, languages)
        for name, path in SETS.items():
            queries = load_queries(path)
            ours, before = scores(site, queries, languages), scores(theme, queries, languages)
            total = sum(len(queries[lang]) for lang in languages)
            print(f"{name} ({total} queries): answer among the first three results (first result)")
            for mine, theirs in zip(ours, before):
                print(f"  {mine.lang}: theme alone {theirs.rate:6.1%} ({theirs.first / theirs.total:6.1%})   "
                      f"the guide {mine.rate:6.1%} ({mine.first / mine.total:6.1%})   of {mine.total}")
            if args.misses:
                for mine in ours:
                    for query, found, answers in mine.misses:
                        print(f"    miss {mine.lang}: {query!r} -> {found} (answers: {', '.join(answers)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
