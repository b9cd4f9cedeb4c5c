"""One PDF per language (``download/networking-guide-<lang>.pdf``): the printable document of
every page of a language in nav order (``pdf_document``: cover, contents, pages), rendered with
``print.css`` (``render``). ``Collected`` is what each language's build leaves for the exports.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass, field
from importlib.metadata import version as installed_version
from pathlib import Path

from networking_guide.exports import downloads
from networking_guide.exports.pdf_document import Cover, PdfPage, document
from networking_guide.exports.render import RenderJob
from networking_guide.text import interface_text, localized_date

HERE = Path(__file__).resolve().parent
STYLESHEET = HERE / "print.css"


@dataclass
class Collected:
    """What one language's build leaves for its exports."""

    title: str = ""
    description: str = ""
    order: list[tuple[str, str]] = field(default_factory=list)  # (page url, section title)
    pages: dict[str, tuple[str, str]] = field(default_factory=dict)  # url -> (title, content)
    source_files: dict[str, str] = field(default_factory=dict)  # url -> source file, relative to docs/


# Assembling ------------------------------------------------------------------------------


def language_job(lang: str, language: Collected, site_url: str, site_dir: Path, version: str, environment=None) -> RenderJob:
    html, pages = language_document(lang, language, site_url, site_dir, version, environment)
    return RenderJob(f"pdf-{lang}", f"PDF {lang}", html, downloads.pdf_path(lang), STYLESHEET, pages)


def language_document(lang: str, language: Collected, site_url: str, site_dir: Path, version: str,
                      environment=None) -> tuple[str, int]:
    text = interface_text(lang)
    pages = [
        PdfPage(url, *language.pages[url], section=section)
        for url, section in language.order
        if url in language.pages
    ]
    details = Cover(
        title=language.title,
        subtitle=language.description,
        date=localized_date(build_date(), text),
        iso_date=build_date().isoformat(),
        version=text["pdf_version"].format(version=version),
        contents_title=text["pdf_contents"],
        language=lang,
    )
    return document(pages, details, STYLESHEET.as_uri(), site_url, site_dir.as_uri() + "/", environment), len(pages)


def build_date() -> datetime.date:
    """Today, or the date of ``SOURCE_DATE_EPOCH`` for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
    return datetime.date.today()


def project_version() -> str:
    """The guide's version, as installed (pyproject.toml's)."""
    return installed_version("networking-guide")
