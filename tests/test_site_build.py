"""The real site, built once: languages, search indexes, language links, no third-party host."""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from helpers import LANGUAGE_PREFIX, LANGUAGES, REPO

DOCS = REPO / "docs"


def nav_pages() -> list[str]:
    """Every Markdown path listed in mkdocs.yml's nav, in order."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    return re.findall(r"^\s*-\s+(?:[^:\n]+:\s+)?([\w/.-]+\.md)\s*$", text, re.MULTILINE)


def built_pages(site: Path, lang: str) -> list[Path]:
    """The HTML pages of one language (the 404 page and other languages' folders excluded)."""
    root = site / LANGUAGE_PREFIX[lang]
    others = {site / LANGUAGE_PREFIX[other] for other in LANGUAGES if LANGUAGE_PREFIX[other]}
    pages = []
    for path in root.rglob("*.html"):
        if path.name == "404.html" or any(other in path.parents for other in others - {root}):
            continue
        if "assets" in path.relative_to(site).parts:
            continue
        pages.append(path)
    return sorted(pages)


def test_the_strict_build_passes_without_warnings(built_site):
    assert "WARNING" not in built_site.log
    assert (built_site.path / "index.html").is_file()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_nav_page_exists_in_every_language(lang):
    missing = [page for page in nav_pages() if not (DOCS / lang / page).is_file()]
    assert nav_pages(), "the nav lists no page"
    assert missing == []


@pytest.mark.parametrize("lang", ["fr", "it"])
def test_no_page_exists_in_one_language_only(lang):
    english = {p.relative_to(DOCS / "en") for p in (DOCS / "en").rglob("*.md")}
    other = {p.relative_to(DOCS / lang) for p in (DOCS / lang).rglob("*.md")}
    assert other ^ english == set()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_is_built_in_its_own_folder(built_site, lang):
    html = built_site.read(f"{LANGUAGE_PREFIX[lang]}index.html")
    assert f'<html lang="{lang}"' in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_declares_its_language(built_site, lang):
    pages = built_pages(built_site.path, lang)
    assert len(pages) == len(nav_pages())
    wrong = [p for p in pages if f'<html lang="{lang}"' not in p.read_text(encoding="utf-8")]
    assert wrong == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_index_holds_only_its_language(built_site, lang):
    index = json.loads(built_site.read(f"{LANGUAGE_PREFIX[lang]}search/search_index.json"))
    assert index["config"]["lang"] == [lang]
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    # Locations are relative to the language's root, and each one is a page of that language.
    assert pages == {
        str(p.relative_to(built_site.path / LANGUAGE_PREFIX[lang]))
        for p in built_pages(built_site.path, lang)
    }
    for location in pages:
        html = built_site.read(LANGUAGE_PREFIX[lang] + location)
        assert f'<html lang="{lang}"' in html, location


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_index_text_is_in_its_language(built_site, lang):
    """The French index has the French home page's title, not the English or Italian one."""
    index = json.loads(built_site.read(f"{LANGUAGE_PREFIX[lang]}search/search_index.json"))
    home_title = front_matter(DOCS / lang / "index.md")["title"]
    titles = {doc["title"] for doc in index["docs"]}
    assert home_title in titles
    for other in set(LANGUAGES) - {lang}:
        assert front_matter(DOCS / other / "index.md")["title"] not in titles


@pytest.mark.parametrize("lang", LANGUAGES)
def test_file_url_search_index_matches_the_json_index(built_site, lang):
    folder = built_site.path / LANGUAGE_PREFIX[lang] / "search"
    script = (folder / "search_index.js").read_text(encoding="utf-8")
    assert script.startswith("var __index = ")
    assert json.loads(script[len("var __index = "):]) == json.loads(
        (folder / "search_index.json").read_text(encoding="utf-8")
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_point_material_at_their_language_index(built_site, lang):
    html = built_site.read(f"{LANGUAGE_PREFIX[lang]}basics/network-science.html")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html).group(1))
    expected = {"en": "../", "fr": "../../fr/", "it": "../../it/"}[lang]
    assert config["base"].rstrip("/") + "/" == expected


def head_links(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


@pytest.mark.parametrize("page", ["index.html", "basics/network-science.html", "checklists/at-the-event.html"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_head_has_absolute_hreflang_links_and_x_default(built_site, lang, page):
    html = built_site.read(LANGUAGE_PREFIX[lang] + page)
    site_url = "https://networking-guide.github.io/"
    assert head_links(html) == {
        "en": site_url + page,
        "fr": site_url + "fr/" + page,
        "it": site_url + "it/" + page,
        "x-default": site_url + page,
    }
    # Material's own relative alternates are gone: exactly one link per language.
    assert len(re.findall(r'<link rel="alternate"[^>]*hreflang=', html)) == 4


@pytest.mark.parametrize("page", ["index.html", "etiquette/at-the-event.html"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_switcher_links_to_the_same_page(built_site, lang, page):
    html = built_site.read(LANGUAGE_PREFIX[lang] + page)
    links = {
        hreflang: href
        for href, hreflang in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)" class="md-select__link"', html)
    }
    here = posixpath.dirname(LANGUAGE_PREFIX[lang] + page)
    assert links == {
        other: posixpath.relpath(LANGUAGE_PREFIX[other] + page, here or ".") for other in LANGUAGES
    }


def test_sitemap_lists_every_page_with_its_alternates(built_site):
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.fromstring(built_site.read("sitemap.xml"))
    urls = root.findall("s:url", namespaces)
    assert len(urls) == len(nav_pages()) * len(LANGUAGES)
    for url in urls:
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", namespaces)}
        assert set(alternates) == set(LANGUAGES) | {"x-default"}
        assert alternates["x-default"] == alternates["en"]
        assert url.find("s:loc", namespaces).text in alternates.values()


# Nothing the reader loads may come from another host ------------------------------------------


class _LoadedUrls(HTMLParser):
    """URLs an HTML page makes the browser load (not the links a reader may follow)."""

    LOADING = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src",
               "video": "src", "embed": "src", "object": "data", "track": "src", "input": "src"}

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in self.LOADING and attributes.get(self.LOADING[tag]):
            self.urls.append(attributes[self.LOADING[tag]])
        if tag == "link" and (attributes.get("rel") or "") != "alternate" and attributes.get("href"):
            if attributes.get("rel") != "canonical":
                self.urls.append(attributes["href"])
        for srcset in (attributes.get("srcset"), attributes.get("imagesrcset")):
            if srcset:
                self.urls.extend(part.split()[0] for part in srcset.split(",") if part.strip())
        if attributes.get("style"):
            self.urls.extend(CSS_URL.findall(attributes["style"]))


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")


def third_party(url: str) -> bool:
    parts = urlsplit(url if not url.startswith("//") else "https:" + url)
    return bool(parts.netloc) and parts.hostname not in {"networking-guide.github.io"}


def test_no_built_html_or_css_loads_from_another_host(built_site):
    offenders = []
    for path in built_site.path.rglob("*"):
        if path.suffix == ".html":
            parser = _LoadedUrls()
            parser.feed(path.read_text(encoding="utf-8"))
            offenders += [(path.name, url) for url in parser.urls if third_party(url)]
            offenders += [(path.name, url) for url in re.findall(r"<style[^>]*>(.*?)</style>", path.read_text(encoding="utf-8"), re.S)
                          for url in CSS_URL.findall(url) if third_party(url[0] or url[1])]
        elif path.suffix == ".css":
            for match in CSS_URL.findall(path.read_text(encoding="utf-8")):
                url = match[0] or match[1]
                if third_party(url):
                    offenders.append((path.name, url))
    assert offenders == []


# Material's bundle holds a few third-party URLs it only uses for features this site leaves off.
DORMANT_BUNDLE_URLS = {
    "https://unpkg.com/mermaid": "only for a Mermaid diagram, and no page has one",
    "https://unpkg.com/resize-observer-polyfill": "only in a browser without ResizeObserver",
    "https://api.github.com": "only with theme repo_url, which is not set",
    "https://clipboardjs.com": "a licence comment",
}


def test_no_script_of_ours_names_another_host(built_site):
    ours = [p for p in built_site.path.rglob("*.js") if "assets/javascripts" in p.as_posix()
            and not re.search(r"/(bundle\.[^/]+|workers/.*|lunr/.*)$", p.as_posix())]
    assert ours, "no project script found"
    offenders = [(p.name, url) for p in ours for url in re.findall(r"https?://[^\s'\"`)]+", p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_material_features_that_would_reach_another_host_are_off(built_site):
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTagsLoader)
    assert config["theme"].get("font") is False
    assert "repo_url" not in config
    names = [p if isinstance(p, str) else next(iter(p)) for p in config["plugins"]]
    assert not {"social", "privacy", "optimize"} & set(names)
    assert names.index("offline") > names.index("i18n")
    for path in built_site.path.rglob("*.html"):
        assert 'class="mermaid"' not in path.read_text(encoding="utf-8"), path
    bundle = next(built_site.path.glob("assets/javascripts/bundle.*.min.js")).read_text(encoding="utf-8")
    found = set(re.findall(r"https://[a-z0-9-]+\.[a-z0-9.-]+(?:/[a-z-]+)?", bundle))
    unknown = {url for url in found if not any(url.startswith(known) for known in DORMANT_BUNDLE_URLS)}
    assert unknown == set()


class _IgnoreTagsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving MkDocs' own tags (such as !ENV)."""


_IgnoreTagsLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    return yaml.safe_load(text.split("---\n", 2)[1])


@pytest.mark.parametrize(("lang", "notice"), [("en", "Text licensed under CC BY-SA 4.0"),
                                               ("fr", "Texte sous licence CC BY-SA 4.0"),
                                               ("it", "Testo con licenza CC BY-SA 4.0")])
def test_the_footer_licence_is_in_the_pages_language(built_site, lang, notice):
    assert notice in built_site.read(f"{LANGUAGE_PREFIX[lang]}basics/benefits.html")
