"""The checklist and template blocks as a Python-Markdown extension.

A block processor reads ``:::`` blocks wherever Markdown blocks nest (admonitions, details, list
items: Python-Markdown hands it their content, dedented) with the same reader the checks use
(``syntax``), renders each through its Jinja template (``guide/checklist.html``,
``guide/message-template.html``: the theme's ``overrides/`` may replace them), and puts the
result in the document tree. A malformed block is an error, never literal text.

Usable with any engine that runs Python-Markdown extensions::

    markdown.Markdown(extensions=[BlocksExtension(language="fr")])

Under MkDocs, ``hooks/blocks.py`` gives it the theme's templates and each language's words.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from functools import lru_cache
from pathlib import Path

from markdown import Extension
from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor
from markdown.util import AtomicString

from networking_guide.blocks.syntax import CLOSING, FENCE, PLACEHOLDER, Template, read_blocks
from networking_guide.sources.markdown import code_lines

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
HEADING_ATTRIBUTES = re.compile(r"\s*\{[^}]*\}\s*$")
# Stands for a blank line inside a block, so that Python-Markdown keeps the block in one piece
# (it splits blocks at blank lines, and containers hand their blocks over one at a time).
BLANK = "\ue000"


class BlockSyntaxError(ValueError):
    """A malformed block reached the renderer (the checks before the build report it with its
    file and line; this happens only when they were skipped)."""


class BlankLinesPreprocessor(Preprocessor):
    """Marks the blank lines inside each ``:::`` block (found outside code, at any indentation,
    up to the closing ``:::`` at the same indentation) so the block stays one Markdown block."""

    def run(self, lines: list[str]) -> list[str]:
        code = code_lines(lines)
        index = 0
        while index < len(lines):
            line = lines[index]
            stripped = line.lstrip(" ")
            if index in code or not FENCE.match(stripped) or CLOSING.match(stripped):
                index += 1
                continue
            indent = len(line) - len(stripped)
            closing = next((end for end in range(index + 1, len(lines))
                            if lines[end].strip() == ":::" and len(lines[end]) - len(lines[end].lstrip(" ")) == indent), None)
            if closing is None:
                index += 1
                continue
            for inner in range(index + 1, closing):
                if not lines[inner].strip():
                    lines[inner] = " " * indent + BLANK
            index = closing + 1
        return lines


class BlocksProcessor(BlockProcessor):
    def __init__(self, parser, extension: "BlocksExtension"):
        super().__init__(parser)
        self.extension = extension

    def test(self, parent, block: str) -> bool:
        return bool(FENCE.match(block))

    def run(self, parent, blocks: list[str]) -> bool:
        lines: list[str] = []
        closed = False
        while blocks and not closed:
            block_lines = blocks.pop(0).split("\n")
            for index, line in enumerate(block_lines):
                lines.append("" if line.strip() == BLANK else line)
                if len(lines) > 1 and CLOSING.match(line):
                    rest = "\n".join(block_lines[index + 1:])
                    if rest.strip():
                        blocks.insert(0, rest)
                    closed = True
                    break
            else:
                lines.append("")  # the blank line between two Markdown blocks
        found, problems = read_blocks(list(enumerate(lines, start=1)), "this page", lambda number: self._title())
        if problems:
            raise BlockSyntaxError("; ".join(f"{problem.message} (line {problem.line} of the block `{lines[0].strip()}`)"
                                             for problem in problems))
        for block in found:
            parent.append(self.extension.element(block))
        return True

    def _title(self) -> str:
        """The text of the last heading written so far: the block's title."""
        title = ""
        for element in self.parser.root.iter():
            if element.tag in HEADING_TAGS:
                title = HEADING_ATTRIBUTES.sub("", "".join(element.itertext())).strip()
        return title


class BlocksExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "language": ["en", "Language of the interface words (buttons, progress)"],
            "words": [{}, "The interface words (default: the language's, from data/languages.yml)"],
            "environment": ["", "A Jinja environment to render with (default: the package's templates)"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        md.registerExtension(self)
        # After superfences (25) and raw HTML (20) have put their placeholders.
        md.preprocessors.register(BlankLinesPreprocessor(md), "guide_blocks_blank_lines", 19)
        # Below indented code (80) and tables (75), above lists (40, 30) and paragraphs (10).
        md.parser.blockprocessors.register(BlocksProcessor(md.parser, self), "guide_blocks", 72)

    def _environment(self):
        return self.getConfig("environment") or _own_environment()

    def _words(self) -> dict[str, str]:
        if not self.getConfig("words"):
            from networking_guide.text import interface_text

            self.setConfig("words", interface_text(self.getConfig("language")))
        return self.getConfig("words")

    def element(self, block) -> etree.Element:
        if isinstance(block, Template):
            html = self._environment().get_template("guide/message-template.html").render(
                template=block, parts=split_placeholders(block.text), text=self._words())
            element = etree.fromstring(html)
            for node in element.iter():  # shown as written: no Markdown inside a template
                node.text = AtomicString(node.text) if node.text else node.text
                node.tail = AtomicString(node.tail) if node.tail else node.tail
            return element
        html = self._environment().get_template("guide/checklist.html").render(checklist=block, text=self._words())
        return etree.fromstring(html)


@lru_cache(maxsize=1)
def _own_environment():
    """Our templates alone, for engines that give no theme environment."""
    from jinja2 import Environment, FileSystemLoader

    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=False)


def split_placeholders(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (part, is a placeholder) pieces."""
    parts: list[tuple[str, bool]] = []
    position = 0
    for match in PLACEHOLDER.finditer(text):
        if match.start() > position:
            parts.append((text[position:match.start()], False))
        parts.append((match.group(0), True))
        position = match.end()
    if position < len(text):
        parts.append((text[position:], False))
    return parts


def makeExtension(**kwargs) -> BlocksExtension:
    return BlocksExtension(**kwargs)
