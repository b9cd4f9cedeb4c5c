"""The guide's text: the same pages in every language, enough of it, in the right language, with
each language's typography. Pages are read with the project's own reader (the structure of
translations is checked by `guide check`, tests/test_repository_checks.py)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import pytest

from helpers import REPO, languages, nav_pages
from networking_guide.project import Project

LANGUAGES = languages()
PROJECT = Project(REPO)
DOCS = PROJECT.docs

# Minimum words of body text by kind of page (front matter, code and markup excluded).
MIN_WORDS = {"essays/": 1200, "checklists/": 150, "index.md": 250, "glossary.md": 700,
             # A table the build writes, under a short introduction.
             "translation-status.md": 60}
MIN_WORDS_DEFAULT = 600
MIN_PAGES_PER_LANGUAGE = 32
MIN_WORDS_PER_LANGUAGE = 30_000

# Common words that belong to one of the three languages only ("la", "il", "non", "se" and the
# like are shared, so they are left out).
STOP_WORDS = {
    "en": set("the and of to is that with for you your this are be as not what it from by an or have can will they their".split()),
    "fr": set("les des et est que une pour dans qui vous pas sur avec du au ce ces votre vos sont elle peut cette plus mais aux leur être".split()),
    "it": set("di che è per una sono del della con gli anche nel nella lo tuo tua puoi può questo questa più ci alla dei delle al sei ha hanno senza ogni tutti dove quando perché".split()),
}


@lru_cache(maxsize=1)
def tree():
    return PROJECT.tree()


PAGES = sorted(tree().pages["en"])


def source(lang: str, page: str):
    return tree().pages[lang][page].source


def prose(lang: str, page: str) -> str:
    """The text a reader sees in the page's body (the project's reader: no code, markup, targets)."""
    return "\n".join(text for _, text in source(lang, page).prose(include_front_matter=False))


def words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", text.lower())


def body_words(lang: str, page: str) -> list[str]:
    return words(prose(lang, page))


def language_counts(tokens: list[str]) -> dict[str, int]:
    return {lang: sum(t in stop for t in tokens) for lang, stop in STOP_WORDS.items()}


def looks_written_in(tokens: list[str], lang: str) -> bool:
    """True when no other language has more of its common words among ``tokens``."""
    counts = language_counts(tokens)
    return counts[lang] >= max(counts.values())


def test_the_english_guide_has_enough_pages():
    assert len(PAGES) >= MIN_PAGES_PER_LANGUAGE


@pytest.mark.parametrize("lang", ["fr", "it"])
def test_every_language_has_the_same_pages(lang):
    assert sorted(tree().pages[lang]) == PAGES


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_page_has_a_title_a_description_and_one_level_1_heading(lang, page):
    page_source = source(lang, page)
    meta = page_source.meta.data
    assert isinstance(meta.get("title"), str) and meta["title"].strip()
    assert isinstance(meta.get("description"), str) and 50 <= len(meta["description"]) <= 200
    assert [heading.level for heading in page_source.headings].count(1) == 1


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_page_is_long_enough_to_teach(lang, page):
    minimum = next((n for prefix, n in MIN_WORDS.items() if page.startswith(prefix)), MIN_WORDS_DEFAULT)
    assert len(body_words(lang, page)) >= minimum


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_enough_words_in_all(lang):
    assert sum(len(body_words(lang, page)) for page in PAGES) >= MIN_WORDS_PER_LANGUAGE


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_page_is_written_in_its_language(lang, page):
    counts = language_counts(body_words(lang, page))
    assert max(counts, key=counts.get) == lang, counts
    # No paragraph left in another language (short lines such as book titles are let through).
    for paragraph in re.split(r"\n\s*\n", prose(lang, page)):
        paragraph_tokens = words(paragraph)
        if len(paragraph_tokens) >= 15:
            assert looks_written_in(paragraph_tokens, lang), paragraph[:120]


def french_typography_errors(lines: list[tuple[int, str]]) -> list[str]:
    """Spaces a French typesetter would not accept, in the prose of a page (no code, links,
    markup, nor phrases marked as another language)."""
    errors = []
    for number, line in lines:
        if line.lstrip().startswith("<") or re.match(r"^\s*\|?\s*:?-+", line):
            continue
        line = re.sub(r"`[^`]*`|\]\([^)]*\)|https?://\S+|\{[#:.][^}]*\}", "", line)
        for match in re.finditer(r"(.)([:;?!»])", line):
            before, sign = match.groups()
            if sign == "»":
                expected = {"\u00a0", "\u202f"}
            elif sign == ":":
                expected = {"\u00a0", "\u202f"}
            else:
                expected = {"\u202f", "\u00a0"}
            if before not in expected and not (sign in "?!" and before in "?!"):
                errors.append(f"line {number}: {line.strip()[:80]!r}")
        for match in re.finditer(r"«(.)", line):
            if match.group(1) not in {"\u00a0", "\u202f"}:
                errors.append(f"line {number}: {line.strip()[:80]!r}")
    return errors


@pytest.mark.parametrize("page", PAGES)
def test_french_pages_follow_french_typography(page):
    assert french_typography_errors(source("fr", page).prose(language="fr")) == []


@pytest.mark.parametrize("lang", ["fr", "it"])
@pytest.mark.parametrize("page", PAGES)
def test_quotes_are_the_languages_own(lang, page):
    assert '"' not in prose(lang, page), "straight double quotes: use « »"


def test_no_statistic_from_the_source_material_is_repeated_as_fact():
    """The source material claims networking makes hiring 'ten times' likelier, with no source."""
    for lang in LANGUAGES:
        for page in PAGES:
            text = tree().pages[lang][page].text.lower()
            for claim in ("ten times", "10 times", "dix fois", "10 fois", "dieci volte", "10 volte"):
                if claim in text:
                    context = text[max(0, text.index(claim) - 300): text.index(claim) + 300]
                    disowned = r"rarely give a source|does not repeat|rarement une source|ne les reprend pas|raramente indicano una fonte|non le riporta|non li riportiamo"
                    assert re.search(disowned, context), (lang, page)


def test_every_page_is_in_the_nav_once():
    assert Counter(nav_pages()) == Counter(PAGES)
