"""Other engines than MkDocs 1.6: ProperDocs (a continuation of MkDocs 1.6, expected to give the
same site) and Zensical (Material's successor, which runs Python-Markdown extensions but no
MkDocs hooks). Each is installed in a throwaway environment beside the guide and builds the
site; the result is compared with MkDocs' build, file by file (the generator tag aside).

    guide engines properdocs   fails when ProperDocs' site differs from MkDocs'
    guide engines zensical     reports what differs with the newest Zensical that installs
    guide engines compare A B  compares two built sites
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from networking_guide import installable

PROPERDOCS = "properdocs==1.6.7"
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
# The service worker lists each file of the site with a hash of its bytes, and its version hashes
# those: pages that differ by their generator tag alone give other hashes. Every listed file is
# compared on its own, so the worker is compared with its hashes left out.
CONTENT_HASHES = re.compile(rb'"[0-9a-f]{12}"|"[0-9a-f]{16}"')
SIGNS_OF_THE_GUIDE = {
    "Content-Security-Policy": b'http-equiv="Content-Security-Policy"',
    "checklists rendered": b'class="ng-checklist"',
    "message templates rendered": b'data-template=',
    "one search index per language": None,  # checked on files
}


@dataclass
class Comparison:
    only_in_reference: list[str] = field(default_factory=list)
    only_in_other: list[str] = field(default_factory=list)
    different: list[str] = field(default_factory=list)
    same: int = 0

    @property
    def identical(self) -> bool:
        return not (self.only_in_reference or self.only_in_other or self.different)

    def lines(self, limit: int = 15) -> list[str]:
        out = [f"{self.same} files identical, {len(self.different)} different, "
               f"{len(self.only_in_reference)} only in the reference, {len(self.only_in_other)} only in the other"]
        for label, names in (("different", self.different), ("only in the reference", self.only_in_reference),
                             ("only in the other", self.only_in_other)):
            for name in names[:limit]:
                out.append(f"  {label}: {name}")
            if len(names) > limit:
                out.append(f"  … and {len(names) - limit} more {label}")
        return out


def _files(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in site.rglob("*") if path.is_file()}


def compare(reference: Path, other: Path) -> Comparison:
    """Two built sites, file by file; HTML compared without its generator tag, the service worker
    without the hashes of the files it lists."""
    mine, theirs = _files(reference), _files(other)
    result = Comparison(sorted(set(mine) - set(theirs)), sorted(set(theirs) - set(mine)))
    for name in sorted(set(mine) & set(theirs)):
        a, b = mine[name].read_bytes(), theirs[name].read_bytes()
        if name.endswith(".html"):
            a, b = GENERATOR.sub(b"", a), GENERATOR.sub(b"", b)
        elif name == installable.WORKER:
            a, b = CONTENT_HASHES.sub(b'""', a), CONTENT_HASHES.sub(b'""', b)
        if a == b:
            result.same += 1
        else:
            result.different.append(name)
    return result


def run(command: list[str], cwd: Path, **extra) -> subprocess.CompletedProcess:
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", GUIDE_SKIP_EXPORTS="1", **extra)
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=environment)


def throwaway_environment(root: Path, folder: Path, package: str) -> tuple[Path, str]:
    """A virtual environment in ``folder`` with the guide (as pinned) and ``package`` installed;
    returns its bin folder and the version of ``package`` that pip chose."""
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True, capture_output=True)
    pip = [str(folder / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    result = subprocess.run([*pip, "-c", str(root / "constraints.txt"), "-e", str(root), package], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"could not install {package}: {result.stderr.strip()[-800:]}")
    name = re.split(r"[=<>]", package)[0]
    shown = subprocess.run([str(folder / "bin" / "python"), "-m", "pip", "show", name], capture_output=True, text=True).stdout
    version = next((line.split(":", 1)[1].strip() for line in shown.splitlines() if line.startswith("Version:")), "?")
    return folder / "bin", version


def build_reference(root: Path, site: Path) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], root)


def properdocs(root: Path) -> tuple[bool, list[str]]:
    """Build with ProperDocs and with MkDocs; (same site?, report)."""
    with tempfile.TemporaryDirectory(prefix="guide-engines-") as scratch:
        scratch = Path(scratch)
        bin_folder, version = throwaway_environment(root, scratch / "venv", PROPERDOCS)
        reference = build_reference(root, scratch / "mkdocs")
        other = run([str(bin_folder / "properdocs"), "build", "--strict", "-d", str(scratch / "properdocs")], root)
        report = [f"ProperDocs {version} against MkDocs (HTML build, exports skipped)"]
        if reference.returncode or other.returncode:
            report.append(f"a build failed: mkdocs {reference.returncode}, properdocs {other.returncode}")
            report += (reference.stderr + other.stderr).strip().splitlines()[-20:]
            return False, report
        comparison = compare(scratch / "mkdocs", scratch / "properdocs")
        return comparison.identical, report + comparison.lines()


def available_versions(package: str) -> list[str]:
    result = subprocess.run([sys.executable, "-m", "pip", "index", "versions", package], capture_output=True, text=True)
    match = re.search(r"Available versions: (.*)", result.stdout)
    return [version.strip() for version in match.group(1).split(",")] if match else []


def zensical(root: Path) -> list[str]:
    """Build with the newest Zensical that installs, and say what differs from MkDocs' site."""
    with tempfile.TemporaryDirectory(prefix="guide-engines-") as scratch:
        scratch = Path(scratch)
        versions = available_versions("zensical")
        bin_folder, version = throwaway_environment(root, scratch / "venv", "zensical")
        report = [f"Zensical {version} (newest on the index: {versions[0] if versions else '?'}; "
                  f"pip chose the newest whose dependencies install)"]
        newer = versions[: versions.index(version)] if version in versions else []
        if newer:
            report.append(f"  newer versions that did not install here: {', '.join(newer)}")
        reference = build_reference(root, scratch / "mkdocs")
        other = run([str(bin_folder / "zensical"), "build", "-f", str(root / "mkdocs.yml")], root)
        report.append(f"build: exit {other.returncode}; {' '.join(other.stdout.split()[-12:])}")
        site = root / "site"
        if other.returncode or not site.is_dir():
            report += other.stderr.strip().splitlines()[-15:]
            return report
        built = scratch / "zensical"
        site.rename(built)
        comparison = compare(scratch / "mkdocs", built)
        report += comparison.lines(limit=8)
        pages = [path for path in built.rglob("*.html")]
        for sign, needle in SIGNS_OF_THE_GUIDE.items():
            if needle is not None:
                count = sum(1 for page in pages if needle in page.read_bytes())
                report.append(f"  {sign}: {count} of {len(pages)} pages")
        indexes = sorted(path.relative_to(built).as_posix() for path in built.rglob("search*.json"))
        report.append(f"  search indexes: {', '.join(indexes) or 'none'}")
        if reference.returncode:
            report.append(f"(MkDocs' reference build failed: exit {reference.returncode})")
        return report
