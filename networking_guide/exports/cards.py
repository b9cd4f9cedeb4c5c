"""Printable checklist cards: one PDF per checklist and language
(``download/cards/networking-guide-<lang>-<checklist>.pdf``), A5, large empty boxes, the items
and their hints, the checklist's title, the guide's name and address; rendered by the same
engine as the guide's PDF (``render``). The items come from the rendered page, so a card says
exactly what the page says."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from networking_guide.exports import downloads
from networking_guide.exports.render import RenderJob
from networking_guide.html import elements, rewrite

STYLESHEET = Path(__file__).resolve().parent / "card.css"


@dataclass(frozen=True)
class PageChecklist:
    id: str
    title: str
    items: str  # the checklist's <ul> as rendered on the page


def checklists_in(html: str) -> list[PageChecklist]:
    """The checklists of a rendered page, in order."""
    found = []
    for block in elements(html, lambda tag, a: tag == "div" and "ng-checklist" in a.get("class", "").split()):
        inner = html[block.start:block.end]
        items = elements(inner, lambda tag, a: tag == "ul" and "ng-checklist__items" in a.get("class", "").split())
        if items:
            found.append(PageChecklist(block.attributes.get("data-checklist", ""), block.attributes.get("aria-label", ""),
                                       inner[items[0].start:items[0].end]))
    return found


def _printable(items: str) -> str:
    """Items without links' targets (a card is paper) and without ids that only the page needs."""
    def change(tag, attributes):
        if tag == "a":
            return [(name, value) for name, value in attributes if name not in ("href",)]
        return None

    return rewrite(items, change)


@lru_cache(maxsize=1)
def _own_environment():
    from jinja2 import Environment, FileSystemLoader

    from networking_guide.blocks.extension import TEMPLATES

    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=False)


def card_job(lang: str, checklist: PageChecklist, guide: str, address: str, iso_date: str, environment=None) -> RenderJob:
    html = (environment or _own_environment()).get_template("guide/pdf/card.html").render(
        language=lang, title=checklist.title, guide=guide, address=address, iso_date=iso_date,
        items=_printable(checklist.items), stylesheet=STYLESHEET.as_uri())
    return RenderJob(f"card-{lang}-{checklist.id}", f"Card {lang} {checklist.id}", html,
                     downloads.card_path(lang, checklist.id), STYLESHEET)



