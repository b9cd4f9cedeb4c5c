"""The offline copy: the whole built site in one zip, to unzip and open from the file system.

Written once every language is built and indexed (``download/networking-guide-offline.zip``).
Everything under one folder, ``networking-guide/``: open ``networking-guide/index.html`` (English),
``fr/index.html`` or ``it/index.html``; search works there too (the site is built for
``file://``). The downloads themselves (PDFs, the zip) are left out to keep it small.
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

from networking_guide.engine import BuildFailure, logger
from networking_guide.exports import downloads
from networking_guide.exports.cache import ExportCache, code, fingerprint

log = logger("exports")
ROOT_FOLDER = "networking-guide"
# A fixed date for every entry, so an unchanged site gives the same zip.
ENTRY_DATE = (2020, 1, 1, 0, 0, 0)


def export(site_dir: Path, cache_folder: Path | None = None) -> None:
    """Write the offline copy of ``site_dir`` into its download folder (reused from the export
    cache when no file of the site changed)."""
    started = time.perf_counter()
    target = site_dir / downloads.OFFLINE_COPY
    files = files_to_pack(site_dir)
    export_cache = ExportCache(cache_folder / "exports") if cache_folder else None
    key = fingerprint(*[part for relative in files for part in (relative.as_posix(), (site_dir / relative).read_bytes())],
                      code("offline_copy.py"))
    cached = export_cache.get("offline-copy", key) if export_cache else None
    try:
        if cached:
            downloads.write_atomically(target, lambda path: path.write_bytes(cached[0].read_bytes()))
            log.info("Offline copy: unchanged, reused from the export cache")
            return
        size = downloads.write_atomically(target, lambda path: write_zip(site_dir, path))
    except OSError as error:
        raise BuildFailure(f"offline copy: could not write {target} ({error}); nothing was written") from error
    if export_cache:
        export_cache.put("offline-copy", key, target)
    log.info(f"Offline copy: {len(files)} files, {size / 1e6:.1f} MB, {time.perf_counter() - started:.1f} s")


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
