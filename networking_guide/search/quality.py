"""How well search answers readers' questions: a query set per language (each query with the
pages that answer it), run through the site's own search worker in Chromium exactly as the
search box runs it, scored as the share of queries whose answer is among the first pages listed.

Used by the tests (a floor per language) and by ``benchmarks/search_quality.py`` (the figures).
Needs the test dependencies (Playwright) and Chromium.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from dataclasses import dataclass
from pathlib import Path

import yaml

from networking_guide import browser as browsers


@dataclass(frozen=True)
class Query:
    text: str
    answers: tuple[str, ...]  # pages, relative to the language's root: "start/introverts-and-anxiety.html"


def load_queries(path: Path) -> dict[str, list[Query]]:
    """``{lang: [Query, ...]}`` from a YAML file: ``lang: [{q: text, a: [page.md, ...]}, ...]``."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {lang: [Query(item["q"], tuple(answer.replace(".md", ".html") for answer in item["a"])) for item in items]
            for lang, items in data.items()}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


# Runs in a page of the site: the search worker its configuration names, fed that language's
# index, asked each query; returns, per query, the pages of the result list in order.
_RUN = """async (queries) => {
    const config = JSON.parse(document.getElementById("__config").textContent);
    const base = new URL(config.base + "/", location.href);
    const index = await (await fetch(new URL("search/search_index.json", base))).json();
    const worker = new Worker(new URL(config.search, location.href));
    const answer = (message) => new Promise((resolve) => {
        worker.onmessage = (event) => resolve(event.data);
        worker.postMessage(message);
    });
    // What the theme's page script adds to the index before handing it to the worker.
    const options = { suggest: config.features.includes("search.suggest") };
    await answer({ type: 0, data: Object.assign({}, index, { options }) });
    const pages = [];
    for (const query of queries) {
        const result = await answer({ type: 2, data: query });
        pages.push(result.data.items.map((group) => group[0].location.split("#")[0]));
    }
    worker.terminate();
    return pages;
}"""


def ranked_pages(site_dir: Path, prefix: str, queries: list[str], chromium: str | None = None,
                 browser=None) -> list[list[str]]:
    """For each query, the pages search lists, in order (relative to the language's root), in
    ``browser`` or a Chromium of its own."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with browsers.chromium(chromium, browser) as running:
            context = running.new_context(service_workers="block")
            try:
                page = context.new_page()
                page.goto(f"http://127.0.0.1:{server.server_address[1]}/{prefix}index.html")
                pages = page.evaluate(_RUN, queries)
            finally:
                context.close()
    finally:
        server.shutdown()
        server.server_close()
    return pages


@dataclass
class Score:
    lang: str
    total: int
    first: int  # answered by the first page listed
    top3: int  # answered among the first three pages
    misses: list[tuple[str, list[str], tuple[str, ...]]]  # query, what came first, what answers it

    @property
    def rate(self) -> float:
        return self.top3 / self.total if self.total else 0.0


def score(site_dir: Path, lang: str, prefix: str, queries: list[Query], chromium: str | None = None,
          browser=None) -> Score:
    results = ranked_pages(site_dir, prefix, [query.text for query in queries], chromium, browser)
    first = top3 = 0
    misses = []
    for query, pages in zip(queries, results):
        if pages[:1] and pages[0] in query.answers:
            first += 1
        if set(pages[:3]) & set(query.answers):
            top3 += 1
        else:
            misses.append((query.text, pages[:3], query.answers))
    return Score(lang, len(queries), first, top3, misses)


def report(scores: list[Score]) -> str:
    lines = []
    for found in scores:
        lines.append(f"{found.lang}: {found.top3}/{found.total} in the first three ({found.rate:.0%}), "
                     f"{found.first}/{found.total} first")
    return "\n".join(lines)


def as_json(scores: list[Score]) -> str:
    return json.dumps({found.lang: {"top3": found.top3, "first": found.first, "total": found.total} for found in scores})
