"""When each source file last changed, from git: one ``git log`` for the whole docs folder per
build, the newest commit date of each file; a file changed in the working copy (being edited)
counts as changed today. Without git (a downloaded archive) pages simply show no date; a shallow
clone would give wrong dates, so the build says so (CI checks out the full history)."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

from networking_guide.engine import logger

log = logger("revisions")


def _git(root: Path, *arguments: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(root), *arguments], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


def last_changes(root: Path, folder: str = "docs", today: datetime.date | None = None) -> dict[str, datetime.date]:
    """``{"docs/fr/x.md": date}``: when each file under ``folder`` last changed (paths relative
    to the repository's root, as git writes them)."""
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None:
        log.info("No git history here: pages show no date of last change.")
        return {}
    if (_git(root, "rev-parse", "--is-shallow-repository") or "").strip() == "true":
        log.info("This clone is shallow: the dates of last change may be wrong (fetch the full history).")
    prefix = Path(root).resolve().relative_to(Path(top.strip()).resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    dates: dict[str, datetime.date] = {}
    output = _git(root, "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", folder) or ""
    current = None
    for line in output.splitlines():
        if line.startswith("\x00"):
            current = datetime.date.fromisoformat(line[1:])
        elif line and current:
            dates.setdefault(line[len(prefix):] if line.startswith(prefix) else line, current)
    changed = _git(root, "status", "--porcelain", "--untracked-files=all", "--", folder) or ""
    for line in changed.splitlines():
        path = line[3:].split(" -> ")[-1].strip('"')
        dates[path[len(prefix):] if path.startswith(prefix) else path] = today or datetime.date.today()
    return dates
