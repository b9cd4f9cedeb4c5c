"""The one language table: every language of the site, what mkdocs.yml says of it, and what
``data/languages.yml`` adds (interface words, Open Graph locale, spelling dictionary, …).

Code never lists languages: it reads this table (the build through the i18n plugin's config,
the ``guide`` command and the tests through mkdocs.yml read as data).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data" / "languages.yml"


@dataclass(frozen=True)
class Language:
    code: str  # the locale, as in docs/<code>/ and mkdocs.yml: "fr"
    name: str  # its own name, as the language switcher shows it: "Français"
    default: bool
    open_graph_locale: str  # "fr_FR"
    hunspell: str  # the Hunspell dictionary: "fr_FR"
    elisions: tuple[str, ...]  # words elided before an apostrophe: ("l", "d", …)
    new_page: str  # the body `guide new` writes
    grammar: str  # the grammar checker of `guide grammar` ("" when none runs offline)
    ise: bool  # British -ise spelling is checked
    words: dict[str, str] = field(default_factory=dict, compare=False)


@lru_cache(maxsize=None)
def _data() -> dict:
    with open(DATA, encoding="utf-8") as file:
        return yaml.load(file, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def settings(code: str) -> dict:
    """The entry of ``data/languages.yml`` for a language (KeyError names the missing one)."""
    try:
        return _data()[code]
    except KeyError:
        raise KeyError(f"language {code!r} has no entry in {DATA}: add one (see CONTRIBUTING, 'Adding a language')") from None


def words(code: str) -> dict[str, str]:
    """The interface words of a language, English filling any gap."""
    return {**_data()["en"]["words"], **settings(code).get("words", {})}


def table(i18n_languages: list[dict]) -> list[Language]:
    """The languages of mkdocs.yml's i18n plugin (``languages:`` entries), default first."""
    found = []
    for entry in i18n_languages:
        if entry.get("build", True) is False:
            continue
        code = entry["locale"]
        data = settings(code)
        found.append(Language(code, entry.get("name", code), bool(entry.get("default")), data["open_graph_locale"],
                              data["hunspell"], tuple(data.get("elisions", "").split()), data["new_page"], data.get("grammar") or "",
                              bool(data.get("ise")), words(code)))
    return sorted(found, key=lambda language: not language.default)
