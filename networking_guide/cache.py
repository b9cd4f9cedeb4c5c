"""The build's cache folder: work a build can reuse in the next one (compiled theme templates,
and the exports). ``.cache/`` beside mkdocs.yml, ignored by git; ``GUIDE_CACHE_DIR`` moves it
(CI caches it between runs; the tests share one for the whole session). Deleting it is always
safe: the next build does the work again."""

from __future__ import annotations

import os
from pathlib import Path

VARIABLE = "GUIDE_CACHE_DIR"


def folder(config_file: str | os.PathLike) -> Path:
    """The cache folder of the site configured by ``config_file`` (created on demand)."""
    chosen = os.environ.get(VARIABLE)
    path = Path(chosen) if chosen else Path(config_file).resolve().parent / ".cache"
    path.mkdir(parents=True, exist_ok=True)
    return path
