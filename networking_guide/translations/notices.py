"""Which notice a translated page needs: none, "outdated" (its English page changed since it
was translated) or "missing" (the page is shown in English because it has no translation)."""

from __future__ import annotations

from pathlib import Path

from networking_guide.sources.front_matter import page_text
from networking_guide.translations.records import HASH_KEY, MISSING, OUTDATED, source_hash


def page_status(file_locale: str, relative: str, recorded, docs_dir: Path, lang: str, default: str) -> str | None:
    """MISSING, OUTDATED or None for a page of ``lang`` built from a file in ``file_locale``,
    at ``relative`` in its language folder, whose front matter records ``recorded``."""
    if file_locale != lang:
        return MISSING  # built from the default language's file
    english = docs_dir / default / relative
    if not english.is_file():
        return None
    current = source_hash(page_text(english.read_bytes()))
    return None if recorded is not None and str(recorded) == current else OUTDATED


__all__ = ["HASH_KEY", "page_status"]
