"""Search answers readers' questions: the query set of tests/data/search-queries.yml (natural
questions, inflected forms, everyday synonyms, with the pages that answer them), run through
the site's own search worker in Chromium as the search box runs it. benchmarks/search_quality.py
prints the same figures, against the theme's search alone and for a query set kept apart."""

from __future__ import annotations

import pytest

from helpers import LANGUAGE_PREFIX, LANGUAGES, REPO
from networking_guide.search.quality import load_queries, ranked_pages, score

pytestmark = pytest.mark.browser

QUERIES = load_queries(REPO / "tests" / "data" / "search-queries.yml")
# The share of queries whose answer must come among the first three results. The goal is 95 %;
# the guide reaches 84 % (en), 81 % (fr), 91 % (it) on this set: these floors catch a regression.
FLOOR = {"en": 0.82, "fr": 0.79, "it": 0.88}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_query_set_is_large_and_its_answers_exist(lang):
    assert len(QUERIES[lang]) >= 30
    for query in QUERIES[lang]:
        assert 1 <= len(query.answers) <= 3, query.text
        for answer in query.answers:
            assert (REPO / "docs" / lang / answer.replace(".html", ".md")).is_file(), (query.text, answer)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_answers_readers_questions_among_the_first_three_results(built_site, browser, lang):
    found = score(built_site.path, lang, LANGUAGE_PREFIX[lang], QUERIES[lang], browser=browser)
    misses = "\n".join(f"{query!r}: {first} (answers: {', '.join(answers)})" for query, first, answers in found.misses)
    assert found.rate >= FLOOR[lang], f"{found.top3}/{found.total} answered in the first three; missed:\n{misses}"


def test_typed_words_are_stemmed_stop_words_dropped_and_the_last_word_may_be_half_typed(built_site, browser):
    plural, question, stop_words_only, half_typed = ranked_pages(
        built_site.path, "", ["parties", "how do I write a thank you email", "how to", "elevator pi"], browser=browser)
    # "parties" finds the pages that say "party" (the theme's own worker looks for words that
    # start with "parties", and finds none in a stemmed index).
    assert "start/introverts-and-anxiety.html" in plural
    assert "conversation/message-templates.html" in question[:3]
    assert stop_words_only  # searched as typed rather than emptied
    assert half_typed[:1] == ["conversation/elevator-pitch.html"]
