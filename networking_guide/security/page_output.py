"""The last check on every finished page: what the reader's browser will really get.

Contributed content is sanitized before the theme lays it out (``sanitizer``); this check reads
the whole page afterwards — navigation, table of contents, head, theme and hooks included — and
refuses anything that could run code or send the reader elsewhere, wherever it came from: an
inline script, an event attribute, a ``javascript:`` (or ``vbscript:``, ``data:``) URL, a script
or stylesheet from another host, a refresh, a ``<base>``, an embedded frame or object. It also
checks that the page carries the Content-Security-Policy.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from networking_guide.security.policy import POLICY

# Non-executable script types (Material's __config JSON).
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset"}
# Characters browsers ignore inside a URL's scheme.
IGNORED_IN_URL = re.compile(r"[\x00-\x20]")
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")
EMBEDDING = {"iframe", "frame", "object", "embed", "base", "applet"}


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.policies: list[str] = []
        self._script: str | None = None  # type of the inline script being read
        self._script_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        for name, value in attributes.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag}> has an event attribute {name}=")
            if name in URL_ATTRIBUTES and IGNORED_IN_URL.sub("", value).lower().startswith(SCRIPT_SCHEMES):
                self.problems.append(f"<{tag} {name}> holds a {IGNORED_IN_URL.sub('', value).split(':', 1)[0].lower()}: URL")
        if tag in EMBEDDING:
            self.problems.append(f"<{tag}> is not allowed on a page")
        if tag == "meta":
            kind = attributes.get("http-equiv", "").lower()
            if kind == "refresh":
                self.problems.append("<meta http-equiv=\"refresh\"> would send the reader elsewhere")
            elif kind == "content-security-policy":
                self.policies.append(attributes.get("content", ""))
        if tag == "script":
            source = attributes.get("src")
            if source is not None:
                if _other_host(source):
                    self.problems.append(f"<script src> loads {source} from another host")
            elif attributes.get("type", "").lower() not in DATA_SCRIPT_TYPES:
                self._script, self._script_text = attributes.get("type", ""), []
        if tag == "link" and _other_host(attributes.get("href", "")) and \
                set(attributes.get("rel", "").lower().split()) & {"stylesheet", "preload", "modulepreload", "icon", "manifest", "prefetch"}:
            self.problems.append(f"<link rel={attributes.get('rel')}> loads {attributes.get('href')} from another host")

    def handle_data(self, data):
        if self._script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            code = " ".join("".join(self._script_text).split())
            self.problems.append(f"inline <script> ({code[:60]}{'…' if len(code) > 60 else ''})")
            self._script = None


def _other_host(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or url.strip().startswith("//")


def page_problems(html: str) -> list[str]:
    """Everything on a finished page that could run code or reach another host."""
    parser = _Page()
    parser.feed(html)
    parser.close()
    problems = parser.problems
    if parser.policies != [POLICY]:
        found = "none" if not parser.policies else f"{len(parser.policies)} different ones"
        problems.append(f"the page must carry exactly our Content-Security-Policy (found {found})")
    return problems
