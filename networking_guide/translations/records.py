"""Which version of its English source a translated page translates, and what follows from it.

Every page under ``docs/fr/`` and ``docs/it/`` records, in its front matter, the hash of the
English file it translates::

    ---
    title: Trouver votre style
    description: ...
    source_hash: 9c1e4f0a2b7d3e58
    ---

Comparing content, not dates, avoids false alarms: a translation is *current* when the English
file still has that hash, *outdated* when it changed since, and *missing* when the translation
does not exist (readers then get the English page). A translation whose English source changed
may be *acknowledged* (``translation_pending: <hash>``) until a translator revises it.
The hook ``translation_notices.py`` and the ``guide`` command use these functions.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from networking_guide import engine
from networking_guide.sources import front_matter as front_matter_reader

HASH_KEY = "source_hash"
PENDING_KEY = "translation_pending"

CURRENT, OUTDATED, MISSING = "current", "outdated", "missing"


def source_hash(text: str) -> str:
    """A short, stable fingerprint of an English page (line endings and trailing spaces ignored)."""
    normalized = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip() + "\n"
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:16]


def front_matter(text: str) -> dict:
    """A page's front matter as MkDocs reads it ({} when it has none, or a broken one)."""
    return front_matter_reader.read(text, "")[0].data


def set_front_matter(text: str, key: str, value: str | None) -> str:
    """``text`` with one top-level front-matter key set (or removed when ``value`` is None),
    every other line kept as written."""
    match = engine.FRONT_MATTER.match(text)
    header = match.group(1) if match else ""
    closing = text[match.start(1) + len(header):match.end()] if match else "---\n"
    body = text[match.end():] if match else text
    line = re.compile(rf"^{re.escape(key)}:.*\n", re.MULTILINE)
    if value is None:
        header = line.sub("", header)
    elif line.search(header):
        header = line.sub(f"{key}: {value}\n", header, count=1)
    else:
        header += f"{key}: {value}\n"
    return f"---\n{header}{closing}{body}"


@dataclass(frozen=True)
class TranslationStatus:
    page: str  # relative to the language folder, e.g. "rules/find-your-style.md"
    lang: str
    status: str  # CURRENT, OUTDATED or MISSING
    recorded: str | None  # the hash the translation says it translates
    source: str  # the English file's hash now
    acknowledged: bool = False  # outdated, and marked as known with translation_pending

    @property
    def reason(self) -> str:
        if self.status == MISSING:
            return "no translation: readers get the English page"
        if self.status == OUTDATED and self.recorded is None:
            return f"no {HASH_KEY} recorded"
        if self.status == OUTDATED:
            return "the English page changed since" + (" (acknowledged)" if self.acknowledged else "")
        return ""


def status_of(english_text: str, translation_text: str | None, page: str, lang: str) -> TranslationStatus:
    current = source_hash(english_text)
    if translation_text is None:
        return TranslationStatus(page, lang, MISSING, None, current)
    meta = front_matter(translation_text)
    recorded = meta.get(HASH_KEY)
    recorded = str(recorded) if recorded is not None else None
    if recorded == current:
        return TranslationStatus(page, lang, CURRENT, recorded, current)
    return TranslationStatus(page, lang, OUTDATED, recorded, current, str(meta.get(PENDING_KEY)) == current)


def statuses(docs_dir: Path, languages: list[str], default: str = "en") -> list[TranslationStatus]:
    """The status of every English page in every other language, sorted by page."""
    found = []
    for english in sorted((docs_dir / default).rglob("*.md")):
        page = english.relative_to(docs_dir / default).as_posix()
        english_text = front_matter_reader.page_text(english.read_bytes())
        for lang in languages:
            if lang == default:
                continue
            translation = docs_dir / lang / page
            text = front_matter_reader.page_text(translation.read_bytes()) if translation.is_file() else None
            found.append(status_of(english_text, text, page, lang))
    return found
