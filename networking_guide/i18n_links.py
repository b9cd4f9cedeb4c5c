"""Links between the languages of a page: absolute URLs, and the sitemap's x-default."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def absolute_url(site_url: str, url: str) -> str:
    """Join a site-relative URL to the site's absolute URL, as MkDocs builds canonical URLs."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base if url in ("", "./") else base + url.lstrip("/")


def sitemap_with_x_default(xml: str, default: str) -> str:
    """The sitemap with an ``x-default`` alternate (the default language's page) for every URL
    that lists its languages, as in the page heads."""
    ElementTree.register_namespace("", SITEMAP)
    ElementTree.register_namespace("xhtml", XHTML)
    root = ElementTree.fromstring(xml)
    for url in root.iter(f"{{{SITEMAP}}}url"):
        links = url.findall(f"{{{XHTML}}}link")
        default_link = next((link for link in links if link.get("hreflang") == default), None)
        if default_link is not None and not any(link.get("hreflang") == "x-default" for link in links):
            position = list(url).index(default_link) + 1
            url.insert(position, ElementTree.Element(f"{{{XHTML}}}link",
                                                     {"rel": "alternate", "hreflang": "x-default", "href": default_link.get("href")}))
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"
