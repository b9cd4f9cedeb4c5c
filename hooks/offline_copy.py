"""The offline copy (a zip of the whole site): glue for ``networking_guide.exports.offline_copy``.

Written last, after the search indexes and the PDFs. ``GUIDE_SKIP_EXPORTS=1`` skips it.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from networking_guide import engine
from networking_guide.exports import downloads, offline_copy


@event_priority(engine.OFFLINE_COPY)
def on_post_build(config: MkDocsConfig) -> None:
    if engine.is_outer_build(config) and downloads.exports_enabled():
        offline_copy.export(Path(config.site_dir))
