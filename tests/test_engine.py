"""The contract with the engine (networking_guide/engine.py) and the parser-based rewriting it
relies on (networking_guide/html.py): every assumption is checked where it is used, and a broken
one fails with its name and the installed versions."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree

import pytest

from networking_guide import engine
from networking_guide.html import DROP, elements, rewrite
from networking_guide.i18n_links import absolute_url, sitemap_with_x_default
from networking_guide.search.index import index_files, language_base, language_index


def test_rewriting_keeps_everything_it_does_not_change_byte_for_byte():
    html = ('<!DOCTYPE html><p class=x data-id="keep">A &amp; B &para; <!-- c --><br/><img src=a.png>'
            "<svg viewBox='0 0 1 1'><path d='M0 0'/></svg></p>")
    assert rewrite(html, lambda tag, attributes: None) == html


def test_rewriting_drops_whole_elements_and_rewrites_attributes():
    html = '<div class="a"><div class="drop"><div>in</div>tail</div><p id="p">x</p></div>'
    result = rewrite(html, lambda tag, a: DROP if dict(a).get("class") == "drop" else
                     ([("id", "new-" + dict(a)["id"])] if tag == "p" else None))
    assert result == '<div class="a"><p id="new-p">x</p></div>'


def test_elements_are_found_with_their_offsets():
    html = '<head><link rel="alternate" hreflang="en" href="a"><title>t</title></head>'
    (found,) = elements(html, lambda tag, a: tag == "link")
    assert html[found.start:found.end] == '<link rel="alternate" hreflang="en" href="a">'


PAGE = ('<html><head><meta charset="utf-8">\n<link rel="alternate" href="../a.html" hreflang="en">\n'
        '<link rel="alternate" href="a.html" hreflang="fr">\n<link rel="alternate" type="application/rss+xml" href="f.xml">'
        '</head><body><div class="md-search" data-md-component="search" role="dialog"></div>'
        '<script id="__config" type="application/json">{"base": "..", "search": "../w.js"}</script></body></html>')


def test_materials_hreflang_links_are_replaced_in_place():
    html = engine.replace_hreflang_links(PAGE, "<NEW>", expected=2)
    assert html.count("<NEW>") == 1 and 'hreflang="fr"' not in html
    assert html.index("charset") < html.index("<NEW>") < html.index("rss+xml")


def test_the_search_dialog_gets_its_name():
    html = engine.name_search_dialog(PAGE, "Chercher")
    assert '<div class="md-search" data-md-component="search" role="dialog" aria-label="Chercher">' in html


def test_the_theme_config_is_changed_as_json():
    html = engine.change_theme_config(PAGE, lambda data: dict(data, base=language_base(data["base"], "fr/")))
    data = json.loads(html.split('type="application/json">')[1].split("</script>")[0])
    assert data == {"base": "../fr/", "search": "../w.js"}


@pytest.mark.parametrize("change", [
    lambda: engine.replace_hreflang_links(PAGE, "<NEW>", expected=3),
    lambda: engine.name_search_dialog(PAGE.replace('role="dialog"', ""), "x"),
    lambda: engine.change_theme_config(PAGE.replace("__config", "__other"), lambda d: d),
])
def test_a_rewrite_that_finds_other_markup_fails_naming_the_assumption_and_versions(change):
    with pytest.raises(engine.AssumptionBroken, match=r"engine assumption broken: .*\(installed: mkdocs 1\.6\.1.*mkdocs-material 9\.8"):
        change()


def test_materials_replaced_partials_are_the_ones_we_copied(monkeypatch, tmp_path):
    engine.check_replaced_partials()  # as installed: nothing to say
    changed = tmp_path / "partials" / "javascripts"
    changed.mkdir(parents=True)
    for partial in engine.REPLACED_THEME_PARTIALS:
        (tmp_path / partial).write_text("<script>changed()</script>", encoding="utf-8")
    monkeypatch.setattr(engine, "material_templates", lambda: tmp_path)
    with pytest.raises(engine.AssumptionBroken, match=r"Material's partials/javascripts/base.html is the one .* replaces"):
        engine.check_replaced_partials()


def test_absolute_urls_follow_the_site_url():
    assert absolute_url("https://example.org/guide/", "fr/index.html") == "https://example.org/guide/fr/index.html"
    assert absolute_url("https://example.org/guide", "fr/index.html") == "https://example.org/guide/fr/index.html"
    assert absolute_url("https://example.org/", "./") == "https://example.org/"


def test_every_sitemap_url_gets_the_default_language_as_x_default():
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
           'xmlns:xhtml="http://www.w3.org/1999/xhtml"><url><loc>https://e.org/a.html</loc>'
           '<xhtml:link rel="alternate" hreflang="en" href="https://e.org/a.html"/>'
           '<xhtml:link rel="alternate" hreflang="fr" href="https://e.org/fr/a.html"/></url></urlset>')
    root = ElementTree.fromstring(sitemap_with_x_default(xml, "en"))
    links = [(link.get("hreflang"), link.get("href")) for link in root.iter("{http://www.w3.org/1999/xhtml}link")]
    assert links == [("en", "https://e.org/a.html"), ("x-default", "https://e.org/a.html"), ("fr", "https://e.org/fr/a.html")]


CONFIG = {"lang": ["fr"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"], "fields": {}}


def test_search_locations_become_relative_to_the_language_root():
    docs = [{"location": "fr/index.html", "title": "Accueil", "text": "…"},
            {"location": "fr/basics/benefits.html#reputation", "title": "Réputation", "text": "…"}]
    index = language_index(docs, CONFIG, "fr/")
    assert [doc["location"] for doc in index["docs"]] == ["index.html", "basics/benefits.html#reputation"]
    assert index["config"] == CONFIG
    assert language_index([{"location": "glossary.html#g", "title": "G", "text": ""}], CONFIG, "")["docs"][0]["location"] == "glossary.html#g"
    files = index_files(index, inline_for_file_urls=True)
    assert json.loads(files["search_index.json"]) == index
    assert files["search_index.js"].startswith(b"var __index = ")


def test_a_search_entry_of_another_language_is_an_error_not_a_silent_mix():
    with pytest.raises(ValueError, match="it/index.html"):
        language_index([{"location": "it/index.html", "title": "", "text": ""}], CONFIG, "fr/")


@pytest.mark.parametrize(("base", "expected"), [("..", "../fr/"), ("../..", "../../fr/"), (".", "./fr/")])
def test_a_pages_search_base_points_at_its_language_root(base, expected):
    assert language_base(base, "fr/") == expected
    assert language_base(base, "") == base


def test_engines_compare_sites_without_the_generator_tag_or_the_workers_file_hashes(tmp_path):
    from networking_guide import engines

    for name, generator, digest in (("mkdocs", "mkdocs-1.6.1", "0123456789ab"), ("other", "properdocs-1.6.7", "ba9876543210")):
        site = tmp_path / name
        site.mkdir()
        (site / "index.html").write_text(f'<head><meta name="generator" content="{generator}"></head><p>Same</p>')
        (site / "sw.js").write_text(f'const VERSION = "{digest}{digest[:4]}";\nconst SHARED = {{"index.html": "{digest}"}};')
        (site / "page.html").write_text("<p>One</p>" if name == "mkdocs" else "<p>Two</p>")
    result = engines.compare(tmp_path / "mkdocs", tmp_path / "other")
    assert (result.same, result.different) == (2, ["page.html"])
    # A file the worker lists differently is still a difference.
    (tmp_path / "other" / "sw.js").write_text('const VERSION = "ba9876543210ba98";\nconst SHARED = {"other.html": "ba9876543210"};')
    assert engines.compare(tmp_path / "mkdocs", tmp_path / "other").different == ["page.html", "sw.js"]
