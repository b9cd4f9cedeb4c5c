"""The pure parts of hooks/language_links.py."""

from language_links import absolute_url, hreflang_links, replace_alternate_links, sitemap_with_x_default

URLS = {"en": "basics/benefits.html", "fr": "fr/basics/benefits.html", "it": "it/basics/benefits.html"}


def test_absolute_urls_follow_the_site_url():
    assert absolute_url("https://example.org/guide/", "fr/index.html") == "https://example.org/guide/fr/index.html"
    assert absolute_url("https://example.org/guide", "fr/index.html") == "https://example.org/guide/fr/index.html"
    assert absolute_url("https://example.org/", "./") == "https://example.org/"


def test_every_language_gets_a_link_and_the_default_is_x_default():
    links = hreflang_links(URLS, "https://example.org/", "en").splitlines()
    assert links == [
        '<link rel="alternate" hreflang="en" href="https://example.org/basics/benefits.html">',
        '<link rel="alternate" hreflang="fr" href="https://example.org/fr/basics/benefits.html">',
        '<link rel="alternate" hreflang="it" href="https://example.org/it/basics/benefits.html">',
        '<link rel="alternate" hreflang="x-default" href="https://example.org/basics/benefits.html">',
    ]


HEAD = """<head>
  <link rel="canonical" href="https://example.org/basics/benefits.html">
      <link rel="alternate" href="../basics/benefits.html" hreflang="en">
      <link rel="alternate" href="benefits.html" hreflang="fr">
      <link rel="alternate" href="../../it/basics/benefits.html" hreflang="it">
  <link rel="alternate" type="application/rss+xml" title="Feed" href="feed.xml">
</head>"""


def test_materials_relative_alternates_are_replaced_in_place():
    html = replace_alternate_links(HEAD, "<link NEW>\n")
    assert 'href="benefits.html" hreflang' not in html
    assert html.count("<link NEW>") == 1
    assert html.index("canonical") < html.index("<link NEW>") < html.index("rss+xml")


def test_without_material_alternates_links_go_before_the_end_of_head():
    html = replace_alternate_links("<head><title>x</title></head><body></body>", "<link NEW>\n")
    assert html == "<head><title>x</title><link NEW>\n</head><body></body>"


def test_every_sitemap_url_gets_the_default_language_as_x_default():
    xml = (
        "<url>\n"
        '    <xhtml:link rel="alternate" hreflang="en" href="https://e.org/a.html"/>\n'
        '    <xhtml:link rel="alternate" hreflang="fr" href="https://e.org/fr/a.html"/>\n'
        "</url>"
    )
    assert sitemap_with_x_default(xml, "en") == (
        "<url>\n"
        '    <xhtml:link rel="alternate" hreflang="en" href="https://e.org/a.html"/>\n'
        '    <xhtml:link rel="alternate" hreflang="x-default" href="https://e.org/a.html"/>\n'
        '    <xhtml:link rel="alternate" hreflang="fr" href="https://e.org/fr/a.html"/>\n'
        "</url>"
    )
