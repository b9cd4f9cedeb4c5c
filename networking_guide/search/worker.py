"""The guide's search worker: the theme's worker, loaded as it is, with lunr's query made to match
how each language's index is built (every typed word stemmed, stop words dropped: see
``data/search-worker.js``). It is written next to the theme's worker, and pages name it in the
theme's configuration (``engine.theme_search_worker``)."""

from __future__ import annotations

import json
from pathlib import Path

NAME = "guide-search.js"
SOURCE = Path(__file__).resolve().parent.parent / "data" / "search-worker.js"


def source(theme_worker: str) -> str:
    """The worker, loading ``theme_worker`` (the theme's worker file, in the same folder)."""
    return SOURCE.read_text(encoding="utf-8").replace("{{ theme_worker }}", json.dumps(theme_worker))
