"""The offline copy: the whole built site in one zip, to unzip and open from the file system.

Written once every language is built and indexed (``download/networking-guide-offline.zip``).
Everything under one folder, ``networking-guide/``: open ``networking-guide/index.html`` (English),
``fr/index.html`` or ``it/index.html``; search works there too (the site is built for
``file://``). The downloads themselves (PDFs, the zip) are left out to keep it small.
``GUIDE_SKIP_EXPORTS=1`` skips it.
"""

from __future__ import annotations

import logging
import time
import zipfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import downloads
import i18n_build

log = logging.getLogger("mkdocs.hooks.offline_copy")
ROOT_FOLDER = "networking-guide"
# A fixed date for every entry, so an unchanged site gives the same zip.
ENTRY_DATE = (2020, 1, 1, 0, 0, 0)


@event_priority(-300)  # after the search indexes (-200) and the PDFs (-250) are written
def on_post_build(config: MkDocsConfig) -> None:
    if not i18n_build.is_outer_build(config) or not downloads.exports_enabled():
        return
    started = time.perf_counter()
    site_dir = Path(config.site_dir)
    target = site_dir / downloads.OFFLINE_COPY
    try:
        size = downloads.write_atomically(target, lambda path: write_zip(site_dir, path))
    except OSError as error:
        raise PluginError(f"offline copy: could not write {target} ({error}); nothing was written") from error
    log.info(f"Offline copy: {len(files_to_pack(site_dir))} files, {size / 1e6:.1f} MB, {time.perf_counter() - started:.1f} s")


def files_to_pack(site_dir: Path) -> list[Path]:
    """Every file of the site but the downloads, sorted (site-relative paths)."""
    return sorted(
        path.relative_to(site_dir)
        for path in site_dir.rglob("*")
        if path.is_file() and path.relative_to(site_dir).parts[0] != downloads.DOWNLOAD_FOLDER
    )


def write_zip(site_dir: Path, target: Path) -> None:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for relative in files_to_pack(site_dir):
            entry = zipfile.ZipInfo(f"{ROOT_FOLDER}/{relative.as_posix()}", ENTRY_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, (site_dir / relative).read_bytes())
