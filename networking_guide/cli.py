"""guide: the contributors' command for the Networking Guide.

    guide status [--json] [--check] [--base REF]   translation status of every page
    guide check [--base REF]                       every fast check a pull request must pass
    guide structure                                headings, anchors, links, images, checklists
    guide new PAGE --title T [--section S] ...     a new page in all three languages, in the nav
    guide mark-current PAGE...                     a translator has revised these translations
    guide acknowledge PAGE...                      known to lag behind English, fix later
    guide links [SITE_DIR]                         links and anchors of the built HTML
    guide spelling [--lang L]                      spelling in each language (Hunspell)
    guide grammar [--lang L]                       grammar and style (Grammalecte, proselint)
    guide engines properdocs|zensical              the site built by another engine, compared
    guide icons                                    the home-screen icons, made again from the logo

Run it from the repository (or pass --root). Every command prints what it found; commands that
check exit 1 when something must be fixed, naming the file (and line).
"""

from __future__ import annotations

import argparse
import json
import re
import signal
import sys
from pathlib import Path

import yaml

from networking_guide.checks import block_problems, structure_problems
from networking_guide.editorial import cast, conventions, grammar, link_labels, spelling, style, termbase
from networking_guide.editorial import links as link_check
from networking_guide.project import Project
from networking_guide.sources.front_matter import page_text
from networking_guide.translations.records import (
    CURRENT, HASH_KEY, MISSING, OUTDATED, PENDING_KEY, set_front_matter, source_hash, statuses,
)


# status ------------------------------------------------------------------------------------


def translation_problems(project: Project, base: str | None) -> list[str]:
    """Missing translations always; outdated ones only for English pages changed since ``base``
    that were neither translated again nor acknowledged."""
    changed = project.changed_english_pages(base) if base else set()
    problems = []
    for status in statuses(project.docs, project.codes, project.default):
        path = f"{project.shown(project.docs)}/{status.lang}/{status.page}"
        if status.status == MISSING:
            problems.append(f"{path}: missing ({status.reason})")
        elif status.status == OUTDATED and status.page in changed and not status.acknowledged:
            problems.append(f"{path}: outdated: {project.shown(project.docs)}/{project.default}/{status.page} changed in this change; "
                            f"translate it and run `guide mark-current {path}`, or `guide acknowledge {path}`")
    return problems


def command_status(project: Project, args) -> int:
    """Print each page's translation status per language (current, outdated, missing)."""
    found = statuses(project.docs, project.codes, project.default)
    if args.json:
        print(json.dumps([{"page": s.page, "language": s.lang, "status": s.status, "recorded": s.recorded,
                           "source": s.source, "acknowledged": s.acknowledged} for s in found], indent=2))
    else:
        others = [lang for lang in project.codes if lang != project.default]
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


def command_structure(project: Project, args) -> int:
    """Report where a translation's structure differs from its English page."""
    tree = project.tree()
    problems = [str(problem) for problem in structure_problems(tree, project.default)]
    for problem in problems:
        print(problem)
    print(f"{len(problems)} structure difference(s)")
    return 1 if problems else 0


def command_check(project: Project, args) -> int:
    """Run the fast checks of a pull request: files, checklists and templates, structure,
    translations, terminology, link labels, cast, spelling convention, quotes and style rules."""
    tree = project.tree()
    sections = {
        "files and front matter": [str(p) for p in tree.problems],
        "checklists and templates": [str(p) for p in block_problems(tree, project.default)],
        "structure": [str(p) for p in structure_problems(tree, project.default)],
        "translations": translation_problems(project, args.base),
        **{name: [str(p) for p in found] for name, found in editorial_problems(project, tree).items()},
    }
    failed = 0
    for name, problems in sections.items():
        for problem in problems:
            print(problem)
        print(f"{name}: {'ok' if not problems else f'{len(problems)} problem(s)'}")
        failed += len(problems)
    return 1 if failed else 0


def editorial_problems(project: Project, tree) -> dict[str, list]:
    """The editorial checks of every language, by name (data in editorial/)."""
    editorial = project.root / "editorial"
    found: dict[str, list] = {"terminology": [], "link labels": [], "cast": [], "conventions and style": []}
    exceptions = set()
    exceptions_file = editorial / "english-spelling-exceptions.txt"
    if exceptions_file.is_file():
        exceptions = {line.strip() for line in exceptions_file.read_text(encoding="utf-8").splitlines()
                      if line.strip() and not line.startswith("#")}
    for language in project.languages:
        pages = [page for _, page in sorted(tree.pages.get(language.code, {}).items())]
        termbase_file = editorial / "termbase" / f"{language.code}.yml"
        terms = termbase.load(termbase_file, project.shown(termbase_file)) if termbase_file.is_file() else None
        if terms:
            found["terminology"] += terms.problems
            for page in pages:
                found["terminology"] += termbase.avoided(terms, page.source, language.code)
            glossary = tree.pages.get(language.code, {}).get("glossary.md")
            if glossary:
                found["terminology"] += termbase.glossary_problems(terms, glossary.source, project.shown(termbase_file))
        found["link labels"] += link_labels.problems(tree, language.code, terms)
        rules_file = editorial / "style" / f"{language.code}.yml"
        rules, rule_problems = style.load(rules_file, project.shown(rules_file))
        found["conventions and style"] += rule_problems
        for page in pages:
            found["conventions and style"] += conventions.straight_quotes(page.source, language.code)
            found["conventions and style"] += style.problems(page.source, rules, language.code)
            if language.ise:
                found["conventions and style"] += conventions.english_spelling(page.source, exceptions)
    cast_file = editorial / "cast.yml"
    if cast_file.is_file():
        found["cast"] += cast.problems(tree, cast_file)
    return {name: sorted(problems) for name, problems in found.items()}


# new -----------------------------------------------------------------------------------------


def page_file(title: str, description: str, body: str, record: str | None) -> str:
    header = {"title": title, "description": description}
    text = "---\n" + yaml.safe_dump(header, allow_unicode=True, sort_keys=False, width=1000)
    if record:
        text += f"{HASH_KEY}: {record}\n"
    return text + f"---\n\n# {title}\n\n{body}\n"


def add_to_nav(config_text: str, page: str, section: str | None, new_section: bool = False) -> str:
    """mkdocs.yml's text with ``page`` appended to a top-level nav section (or the nav itself),
    every other line kept as written, whatever the file's indentation. A section that does not
    exist is created only when ``new_section`` says so (a translated name would otherwise make a
    stray section)."""
    lines = config_text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.rstrip() == "nav:"), None)
    if start is None:
        raise SystemExit("guide: mkdocs.yml has no nav")
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end][0] in " -#"):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1

    def indent(line: str) -> int:
        return len(line) - len(line.lstrip(" "))

    items = [i for i in range(start + 1, end) if lines[i].lstrip().startswith("- ")]
    top = min((indent(lines[i]) for i in items), default=2)
    children = [indent(lines[i]) for i in items if indent(lines[i]) > top]
    child = min(children, default=top + 4)
    if section is None:
        lines.insert(end, f"{' ' * top}- {page}")
    else:
        header = next((i for i in items if indent(lines[i]) == top and lines[i].strip() == f"- {section}:"), None)
        if header is None and not new_section:
            sections = [lines[i].strip()[2:-1] for i in items if indent(lines[i]) == top and lines[i].rstrip().endswith(":")]
            raise SystemExit(f"guide: no nav section {section!r} in mkdocs.yml; sections are named in English there: "
                             f"{', '.join(sections)} (--new-section creates one)")
        if header is None:
            lines[end:end] = [f"{' ' * top}- {section}:", f"{' ' * child}- {page}"]
        else:
            last = header
            while last + 1 < end and (not lines[last + 1].strip() or indent(lines[last + 1]) > top):
                last += 1
            lines.insert(last + 1, f"{' ' * child}- {page}")
    return "\n".join(lines) + "\n"


def command_new(project: Project, args) -> int:
    """Create a page in every language, with front matter and translation records, and list it in the nav."""
    page = args.page.removesuffix(".md") + ".md"
    if not re.fullmatch(r"[a-z0-9-]+(/[a-z0-9-]+)*\.md", page):
        raise SystemExit(f"guide: {page}: use lowercase letters, digits and hyphens, e.g. rules/small-talk.md")
    targets = {lang: project.docs / lang / page for lang in project.codes}
    existing = [project.shown(path) for path in targets.values() if path.exists()]
    if existing:
        raise SystemExit(f"guide: already exists: {', '.join(existing)}")
    titles = {lang: getattr(args, f"title_{lang}", None) or args.title for lang in project.codes}
    descriptions = {lang: getattr(args, f"description_{lang}", None) or args.description for lang in project.codes}
    bodies = {language.code: language.new_page for language in project.languages}
    english = page_file(titles[project.default], descriptions[project.default], bodies[project.default], None)
    record = source_hash(english)
    contents = {lang: english if lang == project.default else page_file(titles[lang], descriptions[lang], bodies[lang], record)
                for lang in project.codes}
    config = add_to_nav(project.config_file.read_text(encoding="utf-8"), page, args.section, args.new_section)
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
        text = page_text(translation.read_bytes())
        current = source_hash(page_text(english.read_bytes()))
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


def command_grammar(project: Project, args) -> int:
    """Check grammar and style with the checker each language names (Grammalecte for French,
    proselint for English); accepted false positives are in editorial/grammar/<lang>-accepted.yml."""
    tree = project.tree()
    failed = 0
    for language in project.languages:
        if args.lang and language.code not in args.lang:
            continue
        if not language.grammar:
            print(f"{language.code}: no grammar checker runs offline for {language.name}; "
                  f"the style rules of editorial/style/{language.code}.yml apply (guide check)")
            continue
        pages = [page.source for _, page in sorted(tree.pages.get(language.code, {}).items())]
        accepted = project.root / "editorial" / "grammar" / f"{language.code}-accepted.yml"
        problems, count = grammar.check(pages, accepted, project.shown(accepted), language.code, language.grammar)
        for problem in sorted(problems):
            print(problem)
        print(f"{language.code} ({language.grammar}): {len(problems)} finding(s), {count} accepted in {project.shown(accepted)}")
        failed += len(problems)
    return 1 if failed else 0


def command_engines(project: Project, args) -> int:
    """Build with another engine in a throwaway environment and compare with MkDocs: properdocs
    (fails on any difference), zensical (a report; never fails), or compare two built sites."""
    from networking_guide import engines

    if args.engine == "compare":
        if len(args.sites) != 2:
            raise SystemExit("guide: engines compare needs two built sites")
        comparison = engines.compare(Path(args.sites[0]), Path(args.sites[1]))
        print("\n".join(comparison.lines()))
        return 0 if comparison.identical else 1
    if args.engine == "properdocs":
        same, report = engines.properdocs(project.root)
        print("\n".join(report))
        return 0 if same else 1
    print("\n".join(engines.zensical(project.root)))
    return 0


def command_spelling(project: Project, args) -> int:
    """Check the spelling of every page with Hunspell and the word lists in spelling/."""
    found = []
    tree = project.tree()
    languages = {language.code: language for language in project.languages}
    for lang in args.lang or project.codes:
        pages = [page.source for _, page in sorted(tree.pages.get(lang, {}).items())]
        found += spelling.misspellings(pages, languages[lang], project.root, languages)
    for mistake in found:
        print(mistake)
    print(f"{len(found)} unknown word(s); a correct one goes into spelling/<lang>.txt")
    return 1 if found else 0


def command_icons(project: Project, args) -> int:
    """Make the home-screen icons again from the logo (after the logo changes)."""
    from networking_guide import icons

    images = project.root / "overrides" / "assets" / "images"
    try:
        made = icons.make(images / "logo.svg", images)
    except ImportError as error:
        print(f"guide icons needs the test dependencies (Playwright, Pillow): {error}")
        return 1
    for path in made:
        print(f"wrote {path.relative_to(project.root)}")
    return 0


# entry point ---------------------------------------------------------------------------------


def parser(project: Project | None = None) -> argparse.ArgumentParser:
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
    new.add_argument("--section", help="top-level nav section, by its English name in mkdocs.yml (e.g. \"What to say\", Background)")
    new.add_argument("--new-section", action="store_true", help="create the --section if mkdocs.yml has none of that name")
    new.add_argument("--title", required=True, help="title in the default language (and the others' until translated)")
    new.add_argument("--description", default="To be written.", help="description in the default language")
    for language in project.languages[1:] if project else []:
        new.add_argument(f"--title-{language.code}", dest=f"title_{language.code}", help=f"title in {language.name}")
        new.add_argument(f"--description-{language.code}", dest=f"description_{language.code}", help=f"description in {language.name}")
    for name, function in (("mark-current", command_mark_current), ("acknowledge", command_acknowledge)):
        add(name, function).add_argument("pages", nargs="+", help="translated pages, e.g. docs/fr/rules/x.md")
    add("links", command_links).add_argument("site_dir", nargs="?", help="the built site (default: site/)")
    add("spelling", command_spelling).add_argument("--lang", action="append", help="only this language (repeatable)")
    add("grammar", command_grammar).add_argument("--lang", action="append", help="only this language (repeatable)")
    add("icons", command_icons)
    engines = add("engines", command_engines)
    engines.add_argument("engine", choices=["properdocs", "zensical", "compare"])
    engines.add_argument("sites", nargs="*", help="with compare: the two built sites")
    return main


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns its exit status. Changes nothing process-wide (the tests and
    other tools call it in their own process)."""
    root = argparse.ArgumentParser(add_help=False)
    root.add_argument("--root", default=".")
    known, _ = root.parse_known_args(argv)
    project = Project(Path(known.root)) if (Path(known.root) / "mkdocs.yml").is_file() else None
    args = parser(project).parse_args(argv)
    return args.function(project or Project(Path(args.root)), args)


def run() -> None:
    """The ``guide`` command: a whole process of its own. `guide status | head` ends quietly, as
    shell tools do (the process dies of SIGPIPE). This is set here only: in a process that serves
    sockets, such as a test process, the default action would kill it at the first client that
    hangs up."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main())


if __name__ == "__main__":
    run()
