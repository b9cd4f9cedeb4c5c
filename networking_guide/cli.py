"""guide: the contributors' command for the Networking Guide.

    guide status [--json] [--check] [--base REF]   translation status of every page
    guide check [--base REF]                       every fast check a pull request must pass
    guide structure                                headings, anchors, links, images, checklists
    guide new PAGE --title T [--section S] ...     a new page in all three languages, in the nav
    guide mark-current PAGE...                     a translator has revised these translations
    guide acknowledge PAGE...                      known to lag behind English, fix later
    guide links [SITE_DIR]                         links and anchors of the built HTML
    guide spelling [--lang L]                      spelling in each language (Hunspell)

Run it from the repository (or pass --root). Every command prints what it found; commands that
check exit 1 when something must be fixed, naming the file (and line).
"""

from __future__ import annotations

import argparse
import json
import re
import signal
import subprocess
import sys
from pathlib import Path

import yaml

from networking_guide import link_check, spelling  # also makes hooks/ importable

from checklists import check_docs  # noqa: E402  (hooks/)
from page_structure import compare, structure_of  # noqa: E402
from translation_records import (  # noqa: E402
    CURRENT, HASH_KEY, MISSING, OUTDATED, PENDING_KEY, set_front_matter, source_hash, statuses,
)


class Project:
    """Where the guide's files are, and its languages, read from mkdocs.yml."""

    def __init__(self, root: Path):
        self.root = root.resolve()
        self.config_file = self.root / "mkdocs.yml"
        if not self.config_file.is_file():
            raise SystemExit(f"guide: no mkdocs.yml in {self.root} (run from the repository or pass --root)")
        loader = type("Loader", (yaml.SafeLoader,), {})
        loader.add_multi_constructor("!", lambda loader, suffix, node: None)
        config = yaml.load(self.config_file.read_text(encoding="utf-8"), Loader=loader)
        self.docs = self.root / config.get("docs_dir", "docs")
        i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
        self.languages = [lang["locale"] for lang in i18n["languages"]]
        self.default = next(lang["locale"] for lang in i18n["languages"] if lang.get("default"))

    def shown(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def page_path(self, argument: str) -> tuple[str, str]:
        """(language, page) of a path such as ``docs/fr/rules/x.md``, ``fr/rules/x.md``."""
        path = Path(argument)
        if path.is_absolute():
            path = path.resolve().relative_to(self.docs)
        elif path.parts[: len(self.docs.relative_to(self.root).parts)] == self.docs.relative_to(self.root).parts:
            path = path.relative_to(self.docs.relative_to(self.root))
        lang, page = path.parts[0], Path(*path.parts[1:]).as_posix()
        if lang not in self.languages:
            raise SystemExit(f"guide: {argument}: not under a language folder ({', '.join(self.languages)})")
        return lang, page

    def changed_english_pages(self, base: str) -> set[str]:
        """English pages changed since ``base`` (a git revision), committed or not."""
        folder = self.docs.relative_to(self.root) / self.default
        result = subprocess.run(["git", "diff", "--name-only", base, "--", str(folder)],
                                cwd=self.root, capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"guide: git diff {base} failed: {result.stderr.strip()}")
        return {Path(name).relative_to(folder).as_posix() for name in result.stdout.split() if name.endswith(".md")}


# status ------------------------------------------------------------------------------------


def translation_problems(project: Project, base: str | None) -> list[str]:
    """Missing translations always; outdated ones only for English pages changed since ``base``
    that were neither translated again nor acknowledged."""
    changed = project.changed_english_pages(base) if base else set()
    problems = []
    for status in statuses(project.docs, project.languages, project.default):
        path = f"{project.shown(project.docs)}/{status.lang}/{status.page}"
        if status.status == MISSING:
            problems.append(f"{path}: missing ({status.reason})")
        elif status.status == OUTDATED and status.page in changed and not status.acknowledged:
            problems.append(f"{path}: outdated: {project.shown(project.docs)}/{project.default}/{status.page} changed in this change; "
                            f"translate it and run `guide mark-current {path}`, or `guide acknowledge {path}`")
    return problems


def command_status(project: Project, args) -> int:
    """Print each page's translation status per language (current, outdated, missing)."""
    found = statuses(project.docs, project.languages, project.default)
    if args.json:
        print(json.dumps([{"page": s.page, "language": s.lang, "status": s.status, "recorded": s.recorded,
                           "source": s.source, "acknowledged": s.acknowledged} for s in found], indent=2))
    else:
        others = [lang for lang in project.languages if lang != project.default]
        by_page: dict[str, dict[str, str]] = {}
        for status in found:
            label = status.status + (" (acknowledged)" if status.acknowledged else "")
            by_page.setdefault(status.page, {})[status.lang] = label
        width = max(len(page) for page in by_page)
        print(f"{'page':{width}}  " + "  ".join(f"{lang:24}" for lang in others))
        for page, row in by_page.items():
            print(f"{page:{width}}  " + "  ".join(f"{row[lang]:24}" for lang in others))
        counts = {s: sum(1 for x in found if x.status == s) for s in (CURRENT, OUTDATED, MISSING)}
        print(f"\n{counts[CURRENT]} current, {counts[OUTDATED]} outdated, {counts[MISSING]} missing")
    if args.check:
        problems = translation_problems(project, args.base)
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    return 0


# structure and check -------------------------------------------------------------------------


def structure_problems(project: Project) -> list[str]:
    problems = []
    for english in sorted((project.docs / project.default).rglob("*.md")):
        page = english.relative_to(project.docs / project.default)
        source = structure_of(english.read_text(encoding="utf-8"))
        for lang in project.languages:
            translation = project.docs / lang / page
            if lang == project.default or not translation.is_file():
                continue
            problems += [str(p) for p in compare(source, structure_of(translation.read_text(encoding="utf-8")),
                                                  project.shown(english), project.shown(translation))]
    return problems


def command_structure(project: Project, args) -> int:
    """Report where a translation's structure differs from its English page."""
    problems = structure_problems(project)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} structure difference(s)")
    return 1 if problems else 0


def command_check(project: Project, args) -> int:
    """Run the fast checks of a pull request: checklists, structure, translations."""
    checklist = [str(p) for p in check_docs(project.docs, project.languages, project.default)]
    sections = {"checklists": checklist, "structure": structure_problems(project),
                "translations": translation_problems(project, args.base)}
    failed = 0
    for name, problems in sections.items():
        for problem in problems:
            print(problem)
        print(f"{name}: {'ok' if not problems else f'{len(problems)} problem(s)'}")
        failed += len(problems)
    return 1 if failed else 0


# new -----------------------------------------------------------------------------------------


PLACEHOLDER = {
    "en": "Write this page here.",
    "fr": "Rédigez cette page ici.",
    "it": "Scrivi qui questa pagina.",
}


def page_file(title: str, description: str, body: str, record: str | None) -> str:
    header = {"title": title, "description": description}
    text = "---\n" + yaml.safe_dump(header, allow_unicode=True, sort_keys=False, width=1000)
    if record:
        text += f"{HASH_KEY}: {record}\n"
    return text + f"---\n\n# {title}\n\n{body}\n"


def add_to_nav(config_text: str, page: str, section: str | None) -> str:
    """mkdocs.yml's text with ``page`` appended to a top-level nav section (or the nav itself)."""
    lines = config_text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.rstrip() == "nav:"), None)
    if start is None:
        raise SystemExit("guide: mkdocs.yml has no nav")
    end = next((i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith(" ")), len(lines))
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    if section is None:
        lines.insert(end, f"  - {page}")
    else:
        header = next((i for i in range(start + 1, end) if lines[i].strip() == f"- {section}:"), None)
        if header is None:
            lines[end:end] = [f"  - {section}:", f"      - {page}"]
        else:
            last = header
            while last + 1 < end and lines[last + 1].startswith("      "):
                last += 1
            lines.insert(last + 1, f"      - {page}")
    return "\n".join(lines) + "\n"


def command_new(project: Project, args) -> int:
    """Create a page in every language, with front matter and translation records, and list it in the nav."""
    page = args.page.removesuffix(".md") + ".md"
    if not re.fullmatch(r"[a-z0-9-]+(/[a-z0-9-]+)*\.md", page):
        raise SystemExit(f"guide: {page}: use lowercase letters, digits and hyphens, e.g. rules/small-talk.md")
    targets = {lang: project.docs / lang / page for lang in project.languages}
    existing = [project.shown(path) for path in targets.values() if path.exists()]
    if existing:
        raise SystemExit(f"guide: already exists: {', '.join(existing)}")
    titles = {lang: getattr(args, f"title_{lang}", None) or args.title for lang in project.languages}
    descriptions = {lang: getattr(args, f"description_{lang}", None) or args.description for lang in project.languages}
    english = page_file(titles[project.default], descriptions[project.default], PLACEHOLDER.get(project.default, ""), None)
    record = source_hash(english)
    contents = {lang: english if lang == project.default else
                page_file(titles[lang], descriptions[lang], PLACEHOLDER.get(lang, PLACEHOLDER["en"]), record)
                for lang in project.languages}
    config = add_to_nav(project.config_file.read_text(encoding="utf-8"), page, args.section)
    for lang, path in targets.items():  # all files, then the nav: nothing half-added on error
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(contents[lang], encoding="utf-8")
        print(f"created {project.shown(path)}")
    project.config_file.write_text(config, encoding="utf-8")
    print(f"added {page} to the nav{f' under {args.section}' if args.section else ''} in mkdocs.yml")
    return 0


# mark-current and acknowledge ------------------------------------------------------------------


def _record(project: Project, args, key: str, verb: str) -> int:
    for argument in args.pages:
        lang, page = project.page_path(argument)
        if lang == project.default:
            raise SystemExit(f"guide: {argument}: an English page has no translation record")
        translation, english = project.docs / lang / page, project.docs / project.default / page
        if not translation.is_file() or not english.is_file():
            raise SystemExit(f"guide: {argument}: needs both {project.shown(english)} and {project.shown(translation)}")
        text = translation.read_text(encoding="utf-8")
        current = source_hash(english.read_text(encoding="utf-8"))
        text = set_front_matter(text, key, current)
        if key == HASH_KEY:
            text = set_front_matter(text, PENDING_KEY, None)
        translation.write_text(text, encoding="utf-8")
        print(f"{project.shown(translation)}: {verb} ({project.shown(english)} {current})")
    return 0


def command_mark_current(project: Project, args) -> int:
    """Record that these translations match their English page as it is now."""
    return _record(project, args, HASH_KEY, "marked current")


def command_acknowledge(project: Project, args) -> int:
    """Record that these translations lag behind their English page, knowingly (CI then lets it pass)."""
    return _record(project, args, PENDING_KEY, "acknowledged as outdated")


# links and spelling --------------------------------------------------------------------------


def command_links(project: Project, args) -> int:
    """Check every link and anchor of the built site (build it first)."""
    site = Path(args.site_dir) if args.site_dir else project.root / "site"
    if not site.is_dir():
        raise SystemExit(f"guide: {site}: no built site (run mkdocs build first)")
    broken = link_check.broken_links(site)
    for link in broken:
        print(link)
    print(f"{len(broken)} broken link(s) in {sum(1 for _ in site.rglob('*.html'))} pages")
    return 1 if broken else 0


def command_spelling(project: Project, args) -> int:
    """Check the spelling of every page with Hunspell and the word lists in spelling/."""
    found = []
    for lang in args.lang or project.languages:
        for path in sorted((project.docs / lang).rglob("*.md")):
            found += spelling.misspellings(path, lang, project.root, project.shown(path))
    for mistake in found:
        print(mistake)
    print(f"{len(found)} unknown word(s); a correct one goes into spelling/<lang>.txt")
    return 1 if found else 0


# entry point ---------------------------------------------------------------------------------


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="guide", description=__doc__,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    main.add_argument("--root", default=".", help="the repository (default: this folder)")
    commands = main.add_subparsers(dest="command", required=True)

    def add(name, function):
        command = commands.add_parser(name, help=function.__doc__, description=function.__doc__)
        command.set_defaults(function=function)
        return command

    status = add("status", command_status)
    status.add_argument("--json", action="store_true", help="print JSON for machines")
    status.add_argument("--check", action="store_true", help="exit 1 on a missing translation, or one outdated by this change")
    status.add_argument("--base", help="git revision the change starts from (e.g. origin/main)")
    check = add("check", command_check)
    check.add_argument("--base", help="git revision the change starts from (e.g. origin/main)")
    add("structure", command_structure)
    new = add("new", command_new)
    new.add_argument("page", help="path without language, e.g. rules/small-talk.md")
    new.add_argument("--section", help="top-level nav section, as named in mkdocs.yml (e.g. Rules)")
    new.add_argument("--title", required=True, help="English title (and the others' until translated)")
    new.add_argument("--description", default="To be written.", help="English description")
    for lang in ("fr", "it"):
        new.add_argument(f"--title-{lang}", dest=f"title_{lang}")
        new.add_argument(f"--description-{lang}", dest=f"description_{lang}")
    for name, function in (("mark-current", command_mark_current), ("acknowledge", command_acknowledge)):
        add(name, function).add_argument("pages", nargs="+", help="translated pages, e.g. docs/fr/rules/x.md")
    add("links", command_links).add_argument("site_dir", nargs="?", help="the built site (default: site/)")
    add("spelling", command_spelling).add_argument("--lang", action="append", help="only this language (repeatable)")
    return main


def main(argv: list[str] | None = None) -> int:
    if hasattr(signal, "SIGPIPE"):  # `guide status | head` ends quietly, as shell tools do
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    args = parser().parse_args(argv)
    return args.function(Project(Path(args.root)), args)


if __name__ == "__main__":
    sys.exit(main())
