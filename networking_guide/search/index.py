"""One search index per language: the entries of one language, their locations made relative to
the language's root, and the files Material reads (JSON, and a script for ``file://``).

mkdocs-static-i18n merges every language into one index, so a French reader would get English
and Italian hits; ``hooks/search_per_language.py`` keeps each language's index as Material's
search plugin writes it and, once all are built, writes ``search/``, ``fr/search/``,
``it/search/``, each configured for its language.
"""

from __future__ import annotations

import json
import posixpath


KEYWORDS = "keywords"


def language_index(docs: list[dict], config: dict, prefix: str, keywords: dict[str, list[str]] | None = None) -> dict:
    """The index of one language, its locations made relative to the language's root.

    ``prefix`` is the language's folder (``"fr/"``, or ``""`` for the default language). Every
    document of a language build lives under it; a document that does not is a bug upstream.
    ``keywords`` maps a page's URL to the words of its front matter's ``keywords``: searched
    (the ``keywords`` field of the page's own entry, weighted in mkdocs.yml) but never shown.
    """
    keywords = keywords or {}
    relative = []
    for doc in docs:
        location = doc["location"]
        if not location.startswith(prefix):
            raise ValueError(f"search entry {location!r} is outside the language folder {prefix!r}")
        entry = dict(doc, location=location[len(prefix):])
        if location in keywords and keywords[location]:
            entry[KEYWORDS] = " ".join(keywords[location])
        relative.append(entry)
    if keywords and KEYWORDS not in config.get("fields", {}):
        raise ValueError(f"pages have keywords but the search index has no {KEYWORDS!r} field: "
                         f"add it under plugins > search > fields in mkdocs.yml")
    return {"config": config, "docs": relative}


def index_files(index: dict, inline_for_file_urls: bool) -> dict[str, bytes]:
    """The files of one language's index, by name inside its ``search/`` folder."""
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    files = {"search_index.json": data.encode("utf-8")}
    if inline_for_file_urls:
        files["search_index.js"] = f"var __index = {data}".encode("utf-8")
    return files


def language_base(base: str, prefix: str) -> str:
    """The base a page of a language gives Material: its language's root (``prefix`` is
    ``"fr/"``, or ``""`` for the default language, which keeps the theme's own)."""
    return posixpath.join(base, prefix) if prefix else base
