"""Exports reused between builds: each is stored under a key made from everything that goes
into it (the rendered pages, the stylesheet, the fonts, the versions of the renderer and of the
guide), so an unchanged export is copied instead of made again, and a changed input makes only
the exports that contain it again. The cache lives in the build's cache folder
(``networking_guide.cache``); deleting it is always safe.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path


def fingerprint(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


@lru_cache(maxsize=None)
def versions(*packages: str) -> str:
    found = []
    for package in ("networking-guide", *packages):
        try:
            found.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            found.append(f"{package} ?")
    return ", ".join(found)


@lru_cache(maxsize=None)
def code(*modules: str) -> str:
    """The exporters' own code: a change to how an export is made makes it again."""
    folder = Path(__file__).resolve().parent
    return fingerprint(*[(folder / module).read_bytes() for module in modules])


@lru_cache(maxsize=None)
def fonts() -> str:
    """The installed fonts (family, file, size): a changed font makes new PDFs."""
    try:
        listed = subprocess.run(["fc-list", "--format", "%{family}|%{file}\\n"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return "no fontconfig"
    lines = []
    for line in sorted(set(listed.splitlines())):
        family, _, file = line.partition("|")
        size = os.path.getsize(file) if os.path.exists(file) else 0
        lines.append(f"{family}|{file}|{size}")
    return fingerprint("\n".join(lines))


class ExportCache:
    """Files by key, with the messages their making logged (replayed when reused)."""

    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def _path(self, name: str, key: str) -> Path:
        return self.folder / f"{name}.{key[:24]}"

    def get(self, name: str, key: str) -> tuple[Path, list[dict]] | None:
        """The cached file for ``name`` made with inputs ``key``, and its messages, or None."""
        path = self._path(name, key)
        if not path.is_file():
            return None
        log = path.with_name(path.name + ".json")
        messages = json.loads(log.read_text(encoding="utf-8")) if log.is_file() else []
        return path, messages

    def put(self, name: str, key: str, made: Path, messages: list[dict] = ()) -> None:
        """Keep ``made`` as ``name``'s export for ``key``; older ones of ``name`` are removed."""
        for old in self.folder.glob(f"{name}.*"):
            old.unlink(missing_ok=True)
        path = self._path(name, key)
        temporary = path.with_name(path.name + ".part")
        shutil.copyfile(made, temporary)
        path.with_name(path.name + ".json").write_text(json.dumps(list(messages)), encoding="utf-8")
        os.replace(temporary, path)
