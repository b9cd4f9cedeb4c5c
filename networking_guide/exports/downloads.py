"""Names and switches shared by the export hooks (PDF, offline copy, the links to them).

Everything a reader downloads lives under ``download/`` in the
built site, with one PDF per language and one offline copy of the whole site.
"""

from __future__ import annotations

import os
import posixpath
import re
import tempfile
from pathlib import Path

DOWNLOAD_FOLDER = "download"
OFFLINE_COPY = f"{DOWNLOAD_FOLDER}/networking-guide-offline.zip"
# Set to 1 (for example with `mkdocs serve`) to build the HTML only: no PDF, no offline copy.
SKIP_VARIABLE = "GUIDE_SKIP_EXPORTS"


def pdf_path(lang: str) -> str:
    """The PDF of a language, relative to the site root."""
    return f"{DOWNLOAD_FOLDER}/networking-guide-{lang}.pdf"


def epub_path(lang: str) -> str:
    """The EPUB of a language, relative to the site root."""
    return f"{DOWNLOAD_FOLDER}/networking-guide-{lang}.epub"


def card_path(lang: str, checklist_id: str) -> str:
    """The printable card of one checklist in one language, relative to the site root."""
    return f"{DOWNLOAD_FOLDER}/cards/networking-guide-{lang}-{checklist_id}.pdf"


CARD_LINK = re.compile(r'<span data-ng-card="([a-z0-9]+(?:-[a-z0-9]+)*)">([^<]*)</span>')


def link_cards(html: str, page_url: str, lang: str) -> str:
    """Make each checklist's card line (``<span data-ng-card="id">``, from the checklist
    template) a link to the card, from this page. (A link made in the Markdown would be checked
    by MkDocs as a link to a page, before the cards exist.)"""
    return CARD_LINK.sub(lambda match: f'<a href="{link_from(page_url, card_path(lang, match.group(1)))}" '
                                       f'type="application/pdf">{match.group(2)}</a>', html)


def link_from(page_url: str, target: str) -> str:
    """``target`` (site-relative) as a link from the page at ``page_url``."""
    return posixpath.relpath(target, posixpath.dirname(page_url) or ".")


def exports_enabled() -> bool:
    return os.environ.get(SKIP_VARIABLE, "").strip().lower() not in {"1", "true", "yes", "on"}


class AtomicFile:
    """A temporary file next to ``target`` that replaces it only on ``commit()``.

    Until then ``target`` is untouched, so a failed or interrupted export never leaves a
    truncated file where readers download it; ``discard()`` removes the temporary file.
    """

    def __init__(self, target: Path):
        self.target = target
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        os.close(handle)
        self.temporary = Path(name)

    def commit(self) -> int:
        """Move the finished file into place; returns its size."""
        os.chmod(self.temporary, 0o644)  # mkstemp makes it private; the site is public
        os.replace(self.temporary, self.target)
        return self.target.stat().st_size

    def discard(self) -> None:
        self.temporary.unlink(missing_ok=True)


def write_atomically(target: Path, write) -> int:
    """Let ``write(path)`` produce the file at a temporary path, then move it to ``target``."""
    file = AtomicFile(target)
    try:
        write(file.temporary)
        return file.commit()
    except BaseException:
        file.discard()
        raise
