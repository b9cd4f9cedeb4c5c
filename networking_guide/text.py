"""The words the guide's own markup puts on pages, in each language (``data/languages.yml``)."""

from __future__ import annotations

from networking_guide.languages import words


def interface_text(lang: str) -> dict[str, str]:
    """The interface words in ``lang`` (English where a language lacks one)."""
    return words(lang)
