"""Render the HTML our hooks insert from the Jinja templates in ``hooks/templates/``.

Not a hook. Markup stays in templates, logic in the hooks; values are escaped.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

FOLDER = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=None)
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(FOLDER), autoescape=select_autoescape(["html"]))


def render(name: str, **context) -> str:
    return _environment().get_template(name).render(**context)
