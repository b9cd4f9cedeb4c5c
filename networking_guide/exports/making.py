"""What the exports are made from, and the making: ``hooks/exports.py`` hands each language's
nav order, titles and rendered pages to ``Exports``, then asks it to make everything."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from networking_guide.engine import logger
from networking_guide.exports import cards, downloads, epub, pdf, render
from networking_guide.exports.cache import ExportCache
from networking_guide.text import interface_text

log = logger("exports")
WANTED_WHILE_SERVING = "GUIDE_EXPORTS"


@dataclass
class Exports:
    collected: dict[str, pdf.Collected] = field(default_factory=dict)
    _serving: bool = False

    def serving(self, serving: bool) -> None:
        self._serving = serving
        if serving and downloads.exports_enabled() and not os.environ.get(WANTED_WHILE_SERVING):
            log.info(f"Exports (PDF, EPUB, checklist cards, offline copy) are skipped while serving; "
                     f"{WANTED_WHILE_SERVING}=1 makes them.")

    def enabled(self) -> bool:
        return downloads.exports_enabled() and (not self._serving or bool(os.environ.get(WANTED_WHILE_SERVING)))

    def clear(self) -> None:
        self.collected.clear()

    def language(self, lang: str, title: str, description: str, order: list[tuple[str, str]]) -> None:
        collected = self.collected.setdefault(lang, pdf.Collected())
        collected.title, collected.description, collected.order = title, description, order

    def page(self, lang: str, url: str, title: str, html: str) -> None:
        self.collected.setdefault(lang, pdf.Collected()).pages[url] = (title, html)

    def make(self, site_dir: Path, site_url: str, languages: list[str], default: str, cache_folder: Path, environment) -> None:
        export_cache = ExportCache(cache_folder / "exports")
        version = pdf.project_version()
        date = pdf.build_date()
        jobs: list[render.RenderJob] = []
        for lang in languages:
            collected = self.collected[lang]
            jobs.append(pdf.language_job(lang, collected, site_url, site_dir, version, environment))
            address = site_url.rstrip("/") + "/" + ("" if lang == default else f"{lang}/")
            for url, _ in collected.order:
                for checklist in cards.checklists_in(collected.pages.get(url, ("", ""))[1]):
                    jobs.append(cards.card_job(lang, checklist, collected.title, address, date.isoformat(), environment))
        render.render_all(jobs, site_dir, export_cache)
        for lang in languages:
            collected = self.collected[lang]
            chapters = [epub.Chapter(url, collected.pages[url][0], section, collected.pages[url][1])
                        for url, section in collected.order if url in collected.pages]
            text = interface_text(lang)
            epub.make(lang, collected.title, collected.description, chapters, site_url, site_dir,
                      text["pdf_version"].format(version=version), date.isoformat(), text["pdf_contents"], export_cache)
