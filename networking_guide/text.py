"""The words the guide's own markup puts on pages, in each language (``data/languages.yml``)."""

from __future__ import annotations

import datetime

from networking_guide.languages import words


def interface_text(lang: str) -> dict[str, str]:
    """The interface words in ``lang`` (English where a language lacks one)."""
    return words(lang)


def localized_date(date: datetime.date, text: dict[str, str]) -> str:
    """``date`` as the language writes it: "2 December 2026", « 1er décembre 2026 »."""
    month = text["months"].split()[date.month - 1]
    day = text.get("first_day", "1") if date.day == 1 else str(date.day)
    return text["date_format"].format(day=day, month=month, year=date.year)
