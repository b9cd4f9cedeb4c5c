"""The guide as an installable app that works offline after one visit.

- A web app manifest per language (``manifest.webmanifest`` in the language's folder): its name
  and short name in that language, its start page, the icons made from the logo, the theme colour.
- One service worker at the site root (``sw.js``, so that it also covers the theme's search
  worker under ``assets/``). It is ours, not Workbox: it is one small file with no build step
  and no dependency, it needs no inline script (the Content-Security-Policy stays as it is), and
  what it caches is the guide's own rule — a visit to a page caches that page's language: every
  page of it, its search index, the shared assets. Its caches are named after the build (a hash
  of the site's files); a new build's worker copies the files that did not change from the old
  caches, fetches the others (past the browser's HTTP cache), keeps the languages the reader
  had, then takes over and removes the old caches. It is not registered from ``file://`` (the
  offline copy works without it).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
THEME_COLOUR = "#1f5d4c"
ICONS = ("assets/images/icon-192.png", "assets/images/icon-512.png")
# Never cached: the downloads (large, read offline as files anyway), source maps, and the
# worker itself.
LEFT_OUT_FOLDERS = ("download/",)
LEFT_OUT_SUFFIXES = (".map", ".zip", ".pdf", ".epub", ".xml", ".xml.gz")
LEFT_OUT_FILES = (WORKER, "robots.txt")


def manifest(lang: str, name: str, short_name: str, description: str, icons_from_language_folder: str) -> dict:
    """The web app manifest of one language (URLs relative to the manifest, in the language's folder)."""
    return {
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": lang,
        "dir": "ltr",
        "id": "./index.html",
        "start_url": "./index.html",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        # The icons have room around the logo, so they also serve as maskable icons.
        "icons": [{"src": icons_from_language_folder + icon, "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
                  for purpose in ("any", "maskable") for icon, size in zip(ICONS, (192, 512))],
    }


LUNR_FOLDER = "assets/javascripts/lunr/"
# The word segmenters the theme ships for Japanese and Thai search.
LUNR_SEGMENTERS = {"tinyseg.js": "ja", "wordcut.js": "th"}


def _lunr_needed(name: str, lunr_languages: set[str]) -> bool:
    """Whether a file of the theme's search languages serves one of the site's languages:
    ``min/lunr.fr.min.js`` for French, the shared ``min/lunr.stemmer.support.min.js`` and
    ``min/lunr.multi.min.js``, a word segmenter only for its language."""
    if name in LUNR_SEGMENTERS:
        return LUNR_SEGMENTERS[name] in lunr_languages
    match = re.fullmatch(r"min/lunr\.([a-z]+)(?:\.support)?\.min\.js", name)
    return bool(match) and match.group(1) in lunr_languages | {"stemmer", "multi"}


def _wanted(relative: str) -> bool:
    return not relative.startswith(LEFT_OUT_FOLDERS) and not relative.endswith(LEFT_OUT_SUFFIXES) and relative not in LEFT_OUT_FILES


def cached_files(site_dir: Path, prefixes: dict[str, str], lunr_languages: set[str]) -> tuple[list[str], dict[str, list[str]]]:
    """(shared files, files by language): every file a reader of a language needs offline,
    relative to the site root. ``prefixes`` maps each language to its folder ("" or "fr/")."""
    every = sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file())
    every = [name for name in every if _wanted(name)]
    folders = {prefix for prefix in prefixes.values() if prefix}
    shared = []
    by_language: dict[str, list[str]] = {lang: [] for lang in prefixes}
    for name in every:
        if name.startswith("assets/"):
            if name.startswith(LUNR_FOLDER) and not _lunr_needed(name[len(LUNR_FOLDER):], lunr_languages):
                continue  # search support for languages the site does not have
            shared.append(name)
            continue
        folder = next((prefix for prefix in folders if name.startswith(prefix)), "")
        lang = next(code for code, prefix in prefixes.items() if prefix == folder)
        by_language[lang].append(name)
    return shared, by_language


def file_hashes(site_dir: Path, files: list[str]) -> dict[str, str]:
    """Each file's content hash (12 hex digits): a new build's worker keeps what did not change."""
    return {name: hashlib.sha256((site_dir / name).read_bytes()).hexdigest()[:12] for name in files}


def build_version(shared: dict[str, str], by_language: dict[str, dict[str, str]]) -> str:
    """A hash of every cached file's name and content: the same site gives the same version."""
    every = {**shared, **{name: digest for files in by_language.values() for name, digest in files.items()}}
    return hashlib.sha256(json.dumps(every, sort_keys=True).encode("utf-8")).hexdigest()[:16]


WORKER_SOURCE = Path(__file__).resolve().parent / "data" / "sw.js"


def worker(version: str, shared: dict[str, str], by_language: dict[str, dict[str, str]]) -> str:
    """The service worker of this build: ``data/sw.js`` with the build's version and files.
    (Not a theme template: the theme's folders are copied into the site as they are.)"""
    values = {"version": version, "shared": shared, "languages": by_language}
    return re.sub(r"\{\{ (version|shared|languages) \}\}",
                  lambda match: json.dumps(values[match.group(1)], ensure_ascii=False, sort_keys=True),
                  WORKER_SOURCE.read_text(encoding="utf-8"))


def write(site_dir: Path, prefixes: dict[str, str], lunr_languages: set[str],
          names: dict[str, tuple[str, str, str]]) -> str:
    """Write each language's manifest and the service worker; returns the build's version.
    ``names`` maps each language to (name, short name, description)."""
    for lang, prefix in prefixes.items():
        name, short_name, description = names[lang]
        back_to_root = "../" * prefix.count("/")
        data = manifest(lang, name, short_name, description, back_to_root)
        (site_dir / prefix / MANIFEST).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    shared_files, files_by_language = cached_files(site_dir, prefixes, lunr_languages)
    shared = file_hashes(site_dir, shared_files)
    by_language = {lang: file_hashes(site_dir, files) for lang, files in files_by_language.items()}
    version = build_version(shared, by_language)
    (site_dir / WORKER).write_text(worker(version, shared, by_language), encoding="utf-8")
    return version
