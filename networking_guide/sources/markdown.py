"""The one reader of the guide's Markdown: what Python-Markdown and its extensions will see.

Every check of the sources (checklists and templates, the structure of translations, spelling,
terminology, link labels, the French grammar check) and the ``guide`` command read pages here,
so that they agree with the build about what is code and what is text:

- front matter by MkDocs' rules (``front_matter``);
- fenced code exactly as pymdownx.superfences finds it: its own preprocessor is run on the page
  and its decisions recorded (fence character and length, indentation, unclosed fences);
- indented code blocks as Python-Markdown finds them: four spaces more than the enclosing
  block, where no list item, admonition, details block, footnote or definition continues;
- then, outside code: headings, links and images, the blocks of our extensions, and prose —
  each with the line of the file it is on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from networking_guide.sources import front_matter
from networking_guide.sources.problems import Problem

TAB = 4
ATX_HEADING = re.compile(r"^(?P<hashes>#{1,6})(?:[ \t]+(?P<text>.*?))?[ \t#]*$")
HEADING_ATTRIBUTES = re.compile(r"\s*\{(?P<attributes>[^}]*)\}\s*$")
CUSTOM_ID = re.compile(r"#(?P<id>[\w-]+)")
# Containers whose indented continuation is content, not code.
LIST_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])[ \t]+")
CONTAINER = re.compile(r"^(?:[-*+][ \t]|\d+[.)][ \t]|!!![ \t]|\?\?\?\+?[ \t]|\[\^[^\]]+\]:|:[ \t]{1,3}\S)")
# Admonitions and details: their head line may start anywhere in a block, and the indented
# lines after it in the same block are their content.
BOX = re.compile(r"^(?:!!!|\?\?\?\+?)[ \t]")
# Inline code spans, as Python-Markdown's BacktickInlineProcessor matches them.
CODE_SPAN = re.compile(r"(?<!\\)(`+)(.+?)(?<!`)\1(?!`)")
INLINE_LINK = re.compile(r"(?P<image>!?)\[(?P<label>(?:[^\]\[]|\[[^\]]*\])*)\]\(\s*<?(?P<target>[^)\s>]*)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[(?P<name>[^\]^][^\]]*)\]:\s*<?(?P<target>\S+?)>?(?:\s+.*)?$")
AUTOLINK = re.compile(r"<(?P<target>(?:https?|mailto):[^>\s]+)>")
HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
ATTRIBUTE_LIST = re.compile(r"\{[:#.][^}]*\}|\{\s*[\w-]+=[^}]*\}")
ADMONITION_HEAD = re.compile(r"^(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+(?P<quote>[\"'])(?P<title>.*)(?P=quote))?[ \t]*$")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str  # as written, attributes removed
    id: str  # the custom {#id}, or ""
    line: int


@dataclass(frozen=True)
class Link:
    target: str
    label: str
    line: int
    image: bool = False

    @property
    def internal(self) -> bool:
        return not re.match(r"^[a-z][a-z0-9+.-]*:", self.target, re.I) and not self.target.startswith("//")


@dataclass
class Source:
    """A Markdown page as the build will read it."""

    path: str  # as printed in messages
    text: str  # the whole file, as MkDocs reads it (no BOM, \n line endings)
    meta: front_matter.FrontMatter = field(default_factory=front_matter.FrontMatter)
    problems: list[Problem] = field(default_factory=list)

    @cached_property
    def lines(self) -> list[str]:
        """Every line of the file; ``lines[n - 1]`` is line ``n``."""
        return self.text.split("\n")

    @cached_property
    def body_line(self) -> int:
        return self.meta.body_line

    @cached_property
    def code_lines(self) -> set[int]:
        """Line numbers (of the file) inside fenced or indented code, fence lines included."""
        return {index + self.body_line for index in code_lines(self.lines[self.body_line - 1:])}

    def body(self) -> list[tuple[int, str]]:
        """(line number, line) of the Markdown body, front matter left out."""
        return list(enumerate(self.lines[self.body_line - 1:], start=self.body_line))

    def text_lines(self) -> list[tuple[int, str]]:
        """(line number, line) of every body line outside code."""
        code = self.code_lines
        return [(number, line) for number, line in self.body() if number not in code]

    @cached_property
    def headings(self) -> list[Heading]:
        found = []
        for number, line in self.text_lines():
            match = ATX_HEADING.match(line.lstrip())
            if not match:
                continue
            text = match.group("text") or ""
            attributes = HEADING_ATTRIBUTES.search(text)
            custom = CUSTOM_ID.search(attributes.group("attributes")) if attributes else None
            if attributes:
                text = text[: attributes.start()]
            found.append(Heading(len(match.group("hashes")), text.strip(), custom.group("id") if custom else "", number))
        return found

    @cached_property
    def links(self) -> list[Link]:
        """Links and images outside code (inline, autolinks and reference definitions), in order."""
        found = []
        for number, line in self.text_lines():
            visible = without_code_spans(line)
            definition = REFERENCE_DEFINITION.match(visible)
            if definition:
                found.append(Link(definition.group("target"), definition.group("name"), number))
                continue
            for match in INLINE_LINK.finditer(visible):
                found.append(Link(match.group("target"), match.group("label"), number, bool(match.group("image"))))
            for match in AUTOLINK.finditer(visible):
                found.append(Link(match.group("target"), match.group("target"), number))
        return found

    def prose(self, include_front_matter: bool = True, language: str | None = None,
              foreign: str = " ") -> list[tuple[int, str]]:
        """The words a reader sees, line by line: title and description, then the body outside
        code, without code spans, link targets, HTML tags, attribute lists or block markers.
        Inline SVG keeps only its visible text and labels. With ``language``, phrases marked as
        another language (``*Title*{lang=en}``, ``<span lang="en">…</span>``) are left out (replaced
        by ``foreign``)."""
        found = []
        if include_front_matter:
            for key in ("title", "description"):
                if isinstance(self.meta.data.get(key), str):
                    found.append((_key_line(self.lines, key), self.meta.data[key]))
        in_svg = False
        for number, line in self.text_lines():
            if "<svg" in line:
                in_svg = True
            if in_svg:
                visible = re.findall(r">([^<>]+)<", line) + re.findall(r'aria-label="([^"]*)"', line)
                found.append((number, " ".join(visible)))
                in_svg = "</svg>" not in line
                continue
            found.append((number, prose_of(without_foreign(line, language, foreign) if language else line)))
        return found


def prose_of(line: str) -> str:
    """One line's visible words (see ``Source.prose``)."""
    stripped = _dedent_containers(line.strip())
    admonition = ADMONITION_HEAD.match(stripped)
    if admonition:
        return admonition.group("title") or ""
    if stripped.startswith(":::") or REFERENCE_DEFINITION.match(line) or stripped.startswith("*["):
        return ""
    text = without_code_spans(line)
    text = INLINE_LINK.sub(lambda m: m.group("label") if not m.group("image") else "", text)
    text = AUTOLINK.sub(" ", text)
    text = ATTRIBUTE_LIST.sub(" ", text)
    text = re.sub(r"<!--.*?-->", " ", text)
    text = HTML_TAG.sub(" ", text)
    text = re.sub(r"https?://\S+", " ", text)
    return text


# Phrases marked with their language: emphasis or a link followed by an attribute list with
# lang=, and spans with a lang attribute.
FOREIGN_EMPHASIS = re.compile(r"(?P<mark>\*{1,2}|_{1,2})(?P<text>[^*_]+?)(?P=mark)\{[^}]*\blang=[\"']?(?P<lang>[\w-]+)[^}]*\}")
FOREIGN_LINK = re.compile(r"\[(?P<text>[^\]]*)\]\([^)]*\)\{[^}]*\blang=[\"']?(?P<lang>[\w-]+)[^}]*\}")
FOREIGN_SPAN = re.compile(r"<(?P<tag>span|em|i|cite|q)\b[^>]*\blang=[\"'](?P<lang>[\w-]+)[\"'][^>]*>(?P<text>.*?)</(?P=tag)>")


def foreign_phrases(line: str, language: str) -> list[str]:
    """The phrases of ``line`` marked as being in ``language`` (``*Give and Take*{lang=en}``)."""
    return [match.group("text") for pattern in (FOREIGN_EMPHASIS, FOREIGN_LINK, FOREIGN_SPAN)
            for match in pattern.finditer(line) if match.group("lang").split("-")[0] == language]


def without_foreign(line: str, language: str, replacement: str = " ") -> str:
    """``line`` without the phrases it marks as being in another language than ``language``."""
    def drop(match: re.Match) -> str:
        return replacement if match.group("lang").split("-")[0] != language else match.group(0)

    for pattern in (FOREIGN_EMPHASIS, FOREIGN_LINK, FOREIGN_SPAN):
        line = pattern.sub(drop, line)
    return line


def without_code_spans(line: str) -> str:
    return CODE_SPAN.sub(" ", line)


def _dedent_containers(line: str) -> str:
    """A line without its leading spaces and list or quote markers."""
    text = line.lstrip()
    while True:
        match = LIST_ITEM.match(text)
        if not match:
            return text
        text = text[match.end():].lstrip()


def _key_line(lines: list[str], key: str) -> int:
    for number, line in enumerate(lines[1:], start=2):
        if line.startswith(f"{key}:"):
            return number
        if line in ("---", "..."):
            break
    return 1


# Code, as the build finds it ---------------------------------------------------------------


@lru_cache(maxsize=1)
def _superfences():
    """pymdownx.superfences' own preprocessors, as the site configures them."""
    import markdown

    md = markdown.Markdown(extensions=["pymdownx.superfences"])
    return md.preprocessors["normalize_whitespace"], md.preprocessors["fenced_code_block"]


def fenced_code_lines(body: list[str]) -> set[int]:
    """Indexes (into ``body``) of the lines superfences turns into fenced code."""
    normalize, fences = _superfences()
    lines = normalize.run(list(body))
    found: set[int] = set()
    original_store = fences._store

    def record(source, code, start, end):
        found.update(range(start, end))
        original_store(source, code, start, end)

    fences._store = record
    try:
        fences.run(lines)
    finally:
        fences._store = original_store
    return found


def code_lines(body: list[str]) -> set[int]:
    """Indexes (into ``body``) of the lines of fenced and of indented code blocks."""
    fenced = fenced_code_lines(body)
    indented: set[int] = set()
    _indented(body, list(range(len(body))), fenced, indented)  # may take back some fences
    return fenced | indented


def _indent(line: str) -> int:
    return len(line.expandtabs(TAB)) - len(line.expandtabs(TAB).lstrip(" "))


def _indented(lines: list[str], indexes: list[int], fenced: set[int], found: set[int]) -> None:
    """Walk ``lines`` (already dedented to their container) block by block, blocks being
    separated by blank lines as Python-Markdown splits them. A fenced block counts as one line
    (superfences leaves one placeholder line). A container (list item, admonition, details,
    footnote, definition) takes the indented blocks after it as its content, read the same way
    once dedented; elsewhere an indented block is code."""
    position = 0
    count = len(lines)

    def blank(at: int) -> bool:
        return not lines[at].strip()

    def text_line(at: int) -> bool:  # a line of text, not a fence placeholder
        return indexes[at] not in fenced

    def step(at: int) -> int:
        if indexes[at] in fenced:
            while at < count and indexes[at] in fenced:
                at += 1
            return at
        return at + 1

    def dedent(at: int) -> str:
        return lines[at].expandtabs(TAB)[min(TAB, _indent(lines[at])):]

    def flush(content: list[int]) -> list[int]:
        """Read a container's content; a new, empty one."""
        if content:
            _indented([dedent(at) for at in content], [indexes[at] for at in content], fenced, found)
        return []

    while position < count:
        if blank(position):
            position += 1
            continue
        if _indent(position_line := lines[position]) >= TAB:
            # An indented run with no container before it: code (blank lines inside included).
            # superfences takes back every fence found in the same block as indented code (up
            # to the next blank line): their lines are no longer fenced, but read as they stand.
            scan = position
            while scan < count and not blank(scan):
                following = step(scan)
                if indexes[scan] in fenced:
                    fenced.difference_update(indexes[scan:following])
                scan = following
            start = position
            while position < count and (blank(position) or _indent(lines[position]) >= TAB):
                position = step(position)
            end = position
            while end > start and blank(end - 1):
                end -= 1
            found.update(indexes[start:end])
            continue
        if text_line(position) and ATX_HEADING.match(position_line.lstrip()):
            position += 1  # a heading is a block of its own, blank line or not
            continue
        # A block at this level, to the next blank line (or heading); the content of the
        # container it opens, if any, is collected for one reading.
        content: list[int] = []
        container = text_line(position) and bool(CONTAINER.match(position_line.lstrip()))
        box = text_line(position) and bool(BOX.match(position_line.lstrip()))
        position = step(position)
        while position < count and not blank(position):
            line = lines[position]
            if _indent(line) < TAB and text_line(position) and ATX_HEADING.match(line.lstrip()):
                break
            if _indent(line) < TAB and text_line(position) and BOX.match(line.lstrip()):
                container = box = True  # an admonition may start inside a block
                content = flush(content)
            elif _indent(line) < TAB and text_line(position) and LIST_ITEM.match(line.lstrip()) and container and not box:
                content = flush(content)  # the next item of the same list
            elif box and _indent(line) < TAB:
                box = container = False  # a line at this level ends the admonition
                content = flush(content)
            elif box or (container and _indent(line) >= TAB):
                content.append(position)
            following = step(position)
            if indexes[position] in fenced and (box or container):
                content.extend(range(position + 1, following))
            position = following
        if not container:
            continue
        # Blank lines and indented blocks after the block belong to the container.
        run_start = position
        while position < count and (blank(position) or _indent(lines[position]) >= TAB):
            position = step(position)
        end = position
        while end > run_start and blank(end - 1):
            end -= 1
        flush(content + list(range(run_start, end)))


# Reading pages -------------------------------------------------------------------------------


def read_text(text: str, path: str) -> Source:
    """A page from its text (as ``front_matter.page_text`` returns it)."""
    meta, problems = front_matter.read(text, path)
    return Source(path, text, meta, problems)


def read_file(path: Path, shown: str | None = None) -> Source:
    return read_text(front_matter.page_text(path.read_bytes()), shown or str(path))
