"""The guide's text: the same pages and structure in every language, enough of it, in the right
language, with each language's typography."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from conftest import LANGUAGES, REPO

DOCS = REPO / "docs"
PAGES = sorted(str(p.relative_to(DOCS / "en")) for p in (DOCS / "en").rglob("*.md"))

# Minimum words of body text by kind of page (front matter, code and markup excluded).
MIN_WORDS = {"essays/": 1200, "checklists/": 150, "index.md": 250, "glossary.md": 700}
MIN_WORDS_DEFAULT = 600
MIN_PAGES_PER_LANGUAGE = 20
MIN_WORDS_PER_LANGUAGE = 15_000

# Common words that belong to one of the three languages only ("la", "il", "non", "se" and the
# like are shared, so they are left out).
STOP_WORDS = {
    "en": set("the and of to is that with for you your this are be as not what it from by an or have can will they their".split()),
    "fr": set("les des et est que une pour dans qui vous pas sur avec du au ce ces votre vos sont elle peut cette plus mais aux leur être".split()),
    "it": set("di che è per una sono del della con gli anche nel nella lo tuo tua puoi può questo questa più ci alla dei delle al sei ha hanno senza ogni tutti dove quando perché".split()),
}


def split_front_matter(path: Path) -> tuple[dict, str, int]:
    """(front matter, body, line number where the body starts)."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}, text, 1
    _, header, body = text.split("---\n", 2)
    return yaml.safe_load(header) or {}, body, header.count("\n") + 3


def prose(body: str) -> str:
    """Body text without code, HTML/SVG, link targets, attribute lists and Markdown markers."""
    body = re.sub(r"```.*?```", " ", body, flags=re.S)
    body = re.sub(r"<svg.*?</svg>", " ", body, flags=re.S)
    body = re.sub(r"<[^>]+>", " ", body)
    body = re.sub(r"`[^`]*`", " ", body)
    body = re.sub(r"\]\([^)]*\)", "]", body)
    body = re.sub(r"\{[#:.][^}]*\}", " ", body)
    # Admonition markers go, their titles stay as text (without the quotes the syntax needs).
    body = re.sub(r'^(\s*)(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+"(.*)")?\s*$', r"\1\2", body, flags=re.M)
    # Checklist fences (::: checklist {#id} and :::).
    body = re.sub(r"^:::.*$", " ", body, flags=re.M)
    return body


def words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", text.lower())


def body_words(path: Path) -> list[str]:
    return words(prose(split_front_matter(path)[1]))


def language_counts(tokens: list[str]) -> dict[str, int]:
    return {lang: sum(t in stop for t in tokens) for lang, stop in STOP_WORDS.items()}


def looks_written_in(tokens: list[str], lang: str) -> bool:
    """True when no other language has more of its common words among ``tokens``."""
    counts = language_counts(tokens)
    return counts[lang] >= max(counts.values())


def headings(body: str) -> list[tuple[int, str]]:
    """(level, custom id or '') of each ATX heading outside code blocks."""
    body = re.sub(r"```.*?```", "", body, flags=re.S)
    found = []
    for hashes, text in re.findall(r"^(#{1,6})\s+(.*)$", body, re.M):
        anchor = re.search(r"\{#([\w-]+)", text)
        found.append((len(hashes), anchor.group(1) if anchor else ""))
    return found


def test_the_english_guide_has_enough_pages():
    assert len(PAGES) >= MIN_PAGES_PER_LANGUAGE


@pytest.mark.parametrize("lang", ["fr", "it"])
def test_every_language_has_the_same_pages(lang):
    assert sorted(str(p.relative_to(DOCS / lang)) for p in (DOCS / lang).rglob("*.md")) == PAGES


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_page_has_a_title_and_a_description(lang, page):
    meta, body, _ = split_front_matter(DOCS / lang / page)
    assert isinstance(meta.get("title"), str) and meta["title"].strip()
    assert isinstance(meta.get("description"), str) and 50 <= len(meta["description"]) <= 200
    assert re.search(r"^# \S", body, re.M), "no level-1 heading"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_page_is_long_enough_to_teach(lang, page):
    minimum = next((n for prefix, n in MIN_WORDS.items() if page.startswith(prefix)), MIN_WORDS_DEFAULT)
    assert len(body_words(DOCS / lang / page)) >= minimum


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_enough_words_in_all(lang):
    assert sum(len(body_words(DOCS / lang / page)) for page in PAGES) >= MIN_WORDS_PER_LANGUAGE


@pytest.mark.parametrize("page", PAGES)
def test_headings_have_the_same_levels_and_anchors_in_every_language(page):
    english = headings(split_front_matter(DOCS / "en" / page)[1])
    for lang in ("fr", "it"):
        assert headings(split_front_matter(DOCS / lang / page)[1]) == english, lang


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_page_is_written_in_its_language(lang, page):
    counts = language_counts(body_words(DOCS / lang / page))
    assert max(counts, key=counts.get) == lang, counts
    # No paragraph left in another language (short lines such as book titles are let through).
    for paragraph in re.split(r"\n\s*\n", prose(split_front_matter(DOCS / lang / page)[1])):
        paragraph_tokens = words(paragraph)
        if len(paragraph_tokens) >= 15:
            assert looks_written_in(paragraph_tokens, lang), paragraph[:120]


def french_typography_errors(text: str) -> list[str]:
    """Spaces a French typesetter would not accept, outside code, links and Markdown syntax."""
    errors = []
    for number, line in enumerate(text.splitlines(), start=1):
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
    meta, body, _ = split_front_matter(DOCS / "fr" / page)
    text = "\n".join([meta.get("title", ""), meta.get("description", ""), prose(body)])
    assert french_typography_errors(text) == []


@pytest.mark.parametrize("lang", ["fr", "it"])
@pytest.mark.parametrize("page", PAGES)
def test_quotes_are_the_languages_own(lang, page):
    _, body, _ = split_front_matter(DOCS / lang / page)
    text = prose(body)
    assert '"' not in re.sub(r"<[^>]*>", "", text), "straight double quotes: use « »"


def test_no_statistic_from_the_source_material_is_repeated_as_fact():
    """The source material claims networking makes hiring 'ten times' likelier, with no source."""
    for lang in LANGUAGES:
        for page in PAGES:
            text = (DOCS / lang / page).read_text(encoding="utf-8").lower()
            for claim in ("ten times", "10 times", "dix fois", "10 fois", "dieci volte", "10 volte"):
                if claim in text:
                    context = text[max(0, text.index(claim) - 300): text.index(claim) + 300]
                    disowned = r"rarely give a source|does not repeat|rarement une source|ne les reprend pas|raramente indicano una fonte|non le riporta"
                    assert re.search(disowned, context), (lang, page)


def test_every_page_is_in_the_nav():
    nav = re.findall(r"^\s*-\s+(?:[^:\n]+:\s+)?([\w/.-]+\.md)\s*$", (REPO / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert Counter(nav) == Counter(PAGES)
