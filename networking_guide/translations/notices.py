"""Which notice a translated page needs: none, "outdated" (its English page changed since it
was translated) or "missing" (the page is shown in English because it has no translation).
The status is ``records.status_of``'s, the same that ``guide status`` and the translation
dashboard give, so the three never disagree."""

from __future__ import annotations

from pathlib import Path

from networking_guide.sources.front_matter import page_text
from networking_guide.translations.records import CURRENT, HASH_KEY, MISSING, status_of


def page_status(file_locale: str, relative: str, docs_dir: Path, lang: str, default: str) -> str | None:
    """MISSING, OUTDATED or None for the page of ``lang`` at ``relative`` in its language folder,
    built from a file in ``file_locale``."""
    if file_locale != lang:
        return MISSING  # built from the default language's file
    english = docs_dir / default / relative
    if not english.is_file():
        return None
    translation = docs_dir / lang / relative
    status = status_of(page_text(english.read_bytes()), page_text(translation.read_bytes()), relative, lang)
    return None if status.status == CURRENT else status.status


__all__ = ["HASH_KEY", "page_status"]
