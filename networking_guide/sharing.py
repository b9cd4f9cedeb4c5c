"""What link previews and crawlers read: Open Graph properties, and robots.txt."""

from __future__ import annotations


def open_graph(*, title: str, description: str, url: str, site_name: str, locale: str,
               alternates: list[str], is_home: bool) -> list[tuple[str, str]]:
    """(property, value) pairs for the page's head, empty values left out."""
    properties = [("og:type", "website" if is_home else "article"), ("og:title", title),
                  ("og:description", description), ("og:url", url), ("og:site_name", site_name),
                  ("og:locale", locale)] + [("og:locale:alternate", other) for other in alternates]
    return [(name, value) for name, value in properties if value]


def robots_txt(site_url: str) -> str:
    base = site_url if site_url.endswith("/") else site_url + "/"
    return f"User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n"
