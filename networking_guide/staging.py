"""Build into a staging folder and put it in place only when the whole build succeeded.

MkDocs empties the site folder, then writes pages one by one; a build that fails halfway (a
refused page, a broken link in strict mode, a failed export) would leave readers, or the next
deployment, half a site. Instead the build writes into a hidden folder beside the site folder;
when every language and every export is written, the staging folder replaces the site folder (two
renames); when anything fails, it is deleted and the previous site stays exactly as it was.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


class StagedSite:
    def __init__(self, target: Path):
        self.target = target.resolve()
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self._remove_abandoned()
        self.staging = self.target.parent / f".{self.target.name}.building-{os.getpid()}"
        shutil.rmtree(self.staging, ignore_errors=True)
        self.staging.mkdir()

    def commit(self) -> None:
        """Put the staging folder where the site was; the old site is removed."""
        old = self.target.parent / f".{self.target.name}.old-{os.getpid()}"
        if self.target.exists():
            os.replace(self.target, old)
        os.replace(self.staging, self.target)
        shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)

    def _remove_abandoned(self) -> None:
        """Staging folders of builds that were killed (their process is gone)."""
        for folder in self.target.parent.glob(f".{self.target.name}.building-*"):
            pid = folder.name.rsplit("-", 1)[-1]
            if pid.isdigit() and not _running(int(pid)):
                shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
