"""The pure parts of hooks/search_per_language.py."""

import json
import re

import pytest

from search_per_language import language_index, point_config_base_at

CONFIG = {"lang": ["fr"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"], "fields": {}}


def test_locations_become_relative_to_the_language_root():
    docs = [
        {"location": "fr/index.html", "title": "Accueil", "text": "…"},
        {"location": "fr/basics/benefits.html#reputation", "title": "Réputation", "text": "…"},
    ]
    index = language_index(docs, CONFIG, "fr/")
    assert [doc["location"] for doc in index["docs"]] == ["index.html", "basics/benefits.html#reputation"]
    assert index["docs"][1]["title"] == "Réputation"
    assert index["config"] == CONFIG


def test_default_language_locations_are_kept():
    docs = [{"location": "glossary.html#guanxi", "title": "Guanxi", "text": ""}]
    assert language_index(docs, CONFIG, "")["docs"] == docs


def test_an_entry_of_another_language_is_an_error_not_a_silent_mix():
    with pytest.raises(ValueError, match="it/index.html"):
        language_index([{"location": "it/index.html", "title": "", "text": ""}], CONFIG, "fr/")


def page_with_config(base: str) -> str:
    config = json.dumps({"base": base, "features": [], "search": f"{base}/assets/worker.js"})
    return f'<html><body><script id="__config" type="application/json">{config}</script></body></html>'


def read_config(html: str) -> dict:
    return json.loads(re.search(r'type="application/json">(.*?)</script>', html).group(1))


@pytest.mark.parametrize(
    ("base", "expected"),
    [("..", "../fr/"), ("../..", "../../fr/"), (".", "./fr/")],
)
def test_config_base_points_at_the_language_root(base, expected):
    config = read_config(point_config_base_at(page_with_config(base), "fr/"))
    assert config["base"] == expected
    # The worker's own location is untouched.
    assert config["search"] == f"{base}/assets/worker.js"


def test_default_language_pages_are_left_alone():
    html = page_with_config("..")
    assert point_config_base_at(html, "") == html
