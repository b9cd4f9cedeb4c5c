"""Changing HTML with a parser, never with patterns over its text.

``rewrite`` re-emits a document token by token, exactly as written, except where a callback
changes a start tag's attributes or drops an element (with its content). ``elements`` finds
elements and their source offsets. Both use the standard library's tokenizer, which keeps
every byte it does not understand, so whatever is not changed comes out untouched.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from typing import Callable

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
DROP = object()  # returned by a callback: remove this element and everything inside it

Attributes = list[tuple[str, str | None]]


def start_tag(tag: str, attributes: Attributes, self_closing: bool = False) -> str:
    parts = [tag] + [name if value is None else f'{name}="{escape(value, quote=True)}"' for name, value in attributes]
    return "<" + " ".join(parts) + (" />" if self_closing else ">")


class _Rewriter(HTMLParser):
    def __init__(self, on_start: Callable[[str, Attributes], Attributes | object | None]):
        super().__init__(convert_charrefs=False)
        self.on_start = on_start
        self.out: list[str] = []
        self.dropping: list[str] = []  # the tag being dropped, and nested ones of the same name

    def _emit(self, text: str) -> None:
        if not self.dropping:
            self.out.append(text)

    def _start(self, tag, attrs, self_closing):
        if self.dropping:
            if tag == self.dropping[0] and not self_closing and tag not in VOID:
                self.dropping.append(tag)
            return
        changed = self.on_start(tag, attrs)
        if changed is DROP:
            if not self_closing and tag not in VOID:
                self.dropping.append(tag)
            return
        self.out.append(self.get_starttag_text() if changed is None else start_tag(tag, changed, self_closing))

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, False)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, True)

    def handle_endtag(self, tag):
        if self.dropping:
            if tag == self.dropping[0]:
                self.dropping.pop()
            return
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self._emit(data)

    def handle_entityref(self, name):
        self._emit(f"&{name};")

    def handle_charref(self, name):
        self._emit(f"&#{name};")

    def handle_comment(self, data):
        self._emit(f"<!--{data}-->")

    def handle_decl(self, decl):
        self._emit(f"<!{decl}>")

    def handle_pi(self, data):
        self._emit(f"<?{data}>")

    def unknown_decl(self, data):
        self._emit(f"<![{data}]>")


def rewrite(html: str, on_start: Callable[[str, Attributes], Attributes | object | None]) -> str:
    """``html`` with each start tag passed to ``on_start(tag, attributes)``, which returns None
    (keep it as written), new attributes (the tag is written again with them), or ``DROP``."""
    parser = _Rewriter(on_start)
    parser.feed(html)
    parser.close()
    return "".join(parser.out)


class _LineStarts:
    """Offsets of line starts, found as far as asked (the parser reports line and column)."""

    def __init__(self, text: str):
        self.text, self.starts = text, [0]

    def offset(self, line: int, column: int) -> int:
        while len(self.starts) < line:
            self.starts.append(self.text.index("\n", self.starts[-1]) + 1)
        return self.starts[line - 1] + column


@dataclass(frozen=True)
class Element:
    tag: str
    attributes: dict[str, str]
    start: int  # offset of "<" of its start tag
    end: int  # offset just after its end tag (or its start tag, for a void element)


class _Finder(HTMLParser):
    def __init__(self, html: str, wanted: Callable[[str, dict[str, str]], bool]):
        super().__init__(convert_charrefs=True)
        self.wanted = wanted
        self.found: list[Element] = []
        self.open: list[tuple[str, dict, int, int]] = []  # (tag, attributes, start, depth)
        self.lines = _LineStarts(html)

    def _offset(self) -> int:
        return self.lines.offset(*self.getpos())

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        start = self._offset()
        if self.wanted(tag, attributes):
            if tag in VOID:
                self.found.append(Element(tag, attributes, start, start + len(self.get_starttag_text())))
            else:
                self.open.append((tag, attributes, start, 0))
        else:
            self.open = [(t, a, s, d + 1 if t == tag else d) for t, a, s, d in self.open]

    def handle_startendtag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if self.wanted(tag, attributes):
            start = self._offset()
            self.found.append(Element(tag, attributes, start, start + len(self.get_starttag_text())))

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            open_tag, attributes, start, depth = self.open[index]
            if open_tag != tag:
                continue
            if depth:
                self.open[index] = (open_tag, attributes, start, depth - 1)
                return
            end = self._offset() + len(f"</{tag}>")
            self.found.append(Element(tag, attributes, start, end))
            del self.open[index]
            return


def elements(html: str, wanted: Callable[[str, dict[str, str]], bool]) -> list[Element]:
    """Every element for which ``wanted(tag, attributes)`` is true, in document order."""
    finder = _Finder(html, wanted)
    finder.feed(html)
    finder.close()
    return sorted(finder.found, key=lambda element: element.start)


class _Found(Exception):
    pass


class _FirstFinder(HTMLParser):
    def __init__(self, html: str, wanted):
        super().__init__(convert_charrefs=True)
        self.wanted = wanted
        self.lines = _LineStarts(html)
        self.found: tuple[str, dict, int, str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if self.wanted(tag, attributes):
            self.found = (tag, attributes, self.lines.offset(*self.getpos()), self.get_starttag_text())
            raise _Found

    handle_startendtag = handle_starttag


def first_start_tag(html: str, wanted) -> tuple[str, dict[str, str], int, str] | None:
    """(tag, attributes, offset, start tag as written) of the first start tag for which
    ``wanted(tag, attributes)`` is true; the parser stops there."""
    finder = _FirstFinder(html, wanted)
    try:
        finder.feed(html)
        finder.close()
    except _Found:
        pass
    return finder.found


def replace_elements(html: str, found: list[Element], replacement: Callable[[Element], str]) -> str:
    """``html`` with each element of ``found`` (from ``elements``) replaced."""
    out, position = [], 0
    for element in sorted(found, key=lambda e: e.start):
        out += [html[position:element.start], replacement(element)]
        position = element.end
    return "".join(out) + html[position:]
