"""Every file under ``docs/``, checked before anything is built or copied.

MkDocs builds every Markdown file it finds, copies every other file into the site as it is, and
follows symbolic links. So, for each entry under the docs folder:

- a symbolic link is refused (it could publish any file of the build machine), and never followed;
- it lies in the folder of a language of the site;
- a page is a ``.md`` file (other Markdown suffixes are asked to be renamed), in UTF-8, readable,
  with front matter by MkDocs' rules (``front_matter``);
- HTML, JavaScript and other files the site could serve as code are refused; an SVG image must
  pass the same sanitizer as pages; other images must be what their suffix says;
- a translated page has its English page (the default language's).

Files MkDocs leaves out of the site (names starting with a dot) are skipped, but never links.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from networking_guide.security.sanitizer import sanitize, source_line
from networking_guide.sources import front_matter
from networking_guide.sources.markdown import Source
from networking_guide.sources.problems import Problem

PAGE_SUFFIX = ".md"
OTHER_MARKDOWN = {".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext"}
CODE = {".html": "an HTML file", ".htm": "an HTML file", ".xhtml": "an HTML file", ".js": "a script",
        ".mjs": "a script", ".css": "a stylesheet", ".php": "a script", ".xml": "an XML file"}
# The first bytes of each image type: a file must be what its suffix says.
IMAGE_SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
}


@dataclass
class Page:
    """A readable Markdown page of one language."""

    lang: str
    relative: str  # inside the language folder, e.g. "rules/find-your-style.md"
    path: Path
    shown: str  # as printed in messages, e.g. "docs/fr/rules/find-your-style.md"
    text: str
    meta: front_matter.FrontMatter = field(default_factory=front_matter.FrontMatter)

    @cached_property
    def source(self) -> Source:
        """The page as the Markdown reader sees it."""
        return Source(self.shown, self.text, self.meta)


@dataclass
class Tree:
    pages: dict[str, dict[str, Page]]  # language -> relative path -> page
    problems: list[Problem]


def read_tree(docs: Path, languages: list[str], default: str, shown_from: Path) -> Tree:
    """Every page of every language, and every problem of every file under ``docs``."""
    problems: list[Problem] = []
    pages: dict[str, dict[str, Page]] = {lang: {} for lang in languages}

    def shown(path: Path) -> str:
        return os.path.relpath(path, shown_from)

    if not docs.is_dir() or docs.is_symlink():
        return Tree(pages, [Problem(shown(docs), 1, "the docs folder is missing, or is a link: it must be a folder")])
    for entry in sorted(docs.iterdir()):
        if entry.is_symlink():
            problems.append(_link_problem(entry, shown(entry)))
        elif entry.name.startswith("."):
            continue
        elif entry.name not in languages or not entry.is_dir():
            problems.append(Problem(shown(entry), 1, f"not a language folder of the site ({', '.join(languages)}): move it under docs/<language>/"))
    for lang in languages:
        folder = docs / lang
        if folder.is_symlink() or not folder.is_dir():
            continue
        for path in _walk(folder, problems, shown):
            relative = path.relative_to(folder).as_posix()
            page, found = _check_file(path, lang, relative, shown(path))
            problems += found
            if page:
                pages[lang][relative] = page
    for lang in languages:
        if lang == default:
            continue
        for relative, page in sorted(pages[lang].items()):
            if relative not in pages[default] and not (docs / default / relative).exists():
                problems.append(Problem(page.shown, 1, f"no {default} page {shown(docs / default / relative)}: "
                                                       f"every page starts in {default} (create it there, or remove this file)"))
    return Tree(pages, sorted(problems))


def _walk(folder: Path, problems: list[Problem], shown):
    """Files under ``folder``, never following links (each link is a problem)."""
    for root, directories, files in os.walk(folder, followlinks=False, onerror=lambda error: problems.append(
            Problem(shown(Path(error.filename)), 1, f"cannot be read ({error.strerror})"))):
        here = Path(root)
        for name in sorted(directories):
            if (here / name).is_symlink():
                problems.append(_link_problem(here / name, shown(here / name)))
        directories[:] = sorted(d for d in directories if not (here / d).is_symlink() and not d.startswith("."))
        for name in sorted(files):
            path = here / name
            if path.is_symlink():
                problems.append(_link_problem(path, shown(path)))
            elif not name.startswith("."):
                yield path


def _link_problem(path: Path, shown: str) -> Problem:
    try:
        target = os.readlink(path)
    except OSError as error:
        target = f"? ({error.strerror})"
    return Problem(shown, 1, f"is a symbolic link (to {target}): links are not followed, put the file itself here")


def _check_file(path: Path, lang: str, relative: str, shown: str) -> tuple[Page | None, list[Problem]]:
    suffix = path.suffix.lower()
    if suffix in OTHER_MARKDOWN or (suffix == PAGE_SUFFIX and path.suffix != PAGE_SUFFIX):
        return None, [Problem(shown, 1, f"pages must end in .md: rename it to {path.stem}.md")]
    if suffix in CODE:
        return None, [Problem(shown, 1, f"{CODE[suffix]} cannot be part of the pages: write the page in Markdown (.md); "
                                        "the site's own code lives in overrides/")]
    if suffix not in {PAGE_SUFFIX, ".svg", *IMAGE_SIGNATURES}:
        kinds = ", ".join([PAGE_SUFFIX, ".svg", *IMAGE_SIGNATURES])
        return None, [Problem(shown, 1, f"only pages and images may be under docs/ ({kinds}): remove it")]
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, [Problem(shown, 1, f"cannot be read ({error.strerror}): check its permissions")]
    if suffix in IMAGE_SIGNATURES:
        if not data.startswith(IMAGE_SIGNATURES[suffix]) or (suffix == ".webp" and data[8:12] != b"WEBP"):
            return None, [Problem(shown, 1, f"is not a {suffix[1:].upper()} image, whatever its name says: save it in that format")]
        return None, []
    try:
        text = front_matter.page_text(data)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [Problem(shown, line, f"not UTF-8 (byte {data[error.start]:#04x}): save the file as UTF-8")]
    if suffix == ".svg":
        _, refusals = sanitize(text)
        return None, [Problem(shown, source_line(text, refusal) or 1, f"{refusal} (SVG images pass the same checks as pages)")
                      for refusal in refusals]
    meta, problems = front_matter.read(text, shown)
    return Page(lang, relative, path, shown, text, meta), problems

