"""The words our hooks put on pages, in each language, from ``interface_text.yml``.

Not a hook: the checklist, PDF, download, notice and accessibility hooks import it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "interface_text.yml"


@lru_cache(maxsize=None)
def all_interface_text() -> dict[str, dict[str, str]]:
    with open(DATA, encoding="utf-8") as file:
        return yaml.load(file, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def interface_text(lang: str) -> dict[str, str]:
    """The interface words in ``lang`` (English where a language lacks one)."""
    texts = all_interface_text()
    return {**texts["en"], **texts.get(lang, {})}
