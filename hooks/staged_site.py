"""Nothing half-written: ``mkdocs build`` writes into a staging folder, put in place at the end.

Glue for ``networking_guide.staging``. Not used by ``mkdocs serve`` (which builds into a
temporary folder of its own) nor by ``--dirty`` builds (which update the site in place).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from networking_guide import engine
from networking_guide.staging import StagedSite

_enabled = False
_site: StagedSite | None = None
_warnings = engine.WarningCounter()


def on_startup(command: str, dirty: bool) -> None:
    global _enabled
    _enabled = command in ("build", "gh-deploy") and not dirty


@event_priority(engine.FIRST)
def on_config(config: MkDocsConfig):
    global _site
    if _enabled and _site is None and engine.is_outer_build(config):
        _site = StagedSite(Path(config.site_dir))
        config.site_dir = str(_site.staging)
        _warnings.start()
    return config


@event_priority(engine.AFTER_EVERYTHING)
def on_post_build(config: MkDocsConfig) -> None:
    global _site
    if _site is None or not engine.is_outer_build(config):
        return
    failed = config.strict and _warnings.count > 0  # MkDocs aborts right after this event
    _warnings.stop()
    _site.discard() if failed else _site.commit()
    if not failed:
        config.site_dir = str(_site.target)
    _site = None


def on_build_error(error: Exception) -> None:
    global _site
    if _site is not None:
        logging.getLogger("mkdocs.hooks.staged_site").info(f"Build failed: {_site.target} is left as it was")
        _warnings.stop()
        _site.discard()
        _site = None
