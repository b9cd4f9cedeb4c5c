"""Grammar and style checkers that run offline, on the prose of a language's pages — what a
reader sees, without code, markup, link targets, or phrases marked as another language
(``*Title*{lang=en}``). The language table says which checker a language uses:

- ``grammalecte`` (French): Debian's ``grammalecte-cli``; its grammar, typography and style
  findings (spelling is Hunspell's job, ``spelling``);
- ``proselint`` (English): the prose linter, with its American spelling rules off (the guide
  writes British English; Hunspell checks spelling);
- none (Italian): no grammar checker for Italian runs offline here; the style rules of
  ``editorial/style/it.yml`` apply (``guide check``).

A finding that is a false positive is accepted in ``editorial/grammar/<lang>-accepted.yml``:
the page (or ``"*"``), Grammalecte's rule, the flagged words, and the reason. An accepted entry
that no longer matches anything is reported too, so the file stays true.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from networking_guide.sources.markdown import Source
from networking_guide.sources.problems import Problem

COMMAND = "grammalecte-cli"
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    rule: str
    words: str  # what Grammalecte flagged
    message: str
    suggestions: tuple[str, ...]

    def problem(self) -> Problem:
        hint = f" (suggested: {', '.join(self.suggestions[:3])})" if self.suggestions else ""
        return Problem(self.path, self.line, f"“{self.words}”: {self.message}{hint} [{self.rule}]")


BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|#|\||>|!!!|\?\?\?|:::|<)")
# Lines after which a new paragraph starts even without a blank line: a heading, an admonition's
# title, a checklist item (its hint is a paragraph of its own), the front matter's title and
# description.
ENDS_PARAGRAPH = re.compile(r"^(?:title|description):|^\s*(?:#|!!!|\?\?\?|:::|[-*+]\s+\[[ xX]\])")


def paragraphs(source: Source, language: str) -> list[tuple[list[tuple[int, int]], str]]:
    """The prose of a page as the checker's paragraphs: the lines of one paragraph joined (a
    line break in the source is not the start of a sentence), table cells apart, markers
    dropped. Each paragraph comes with ``[(offset, line), …]``: where each source line starts."""
    found: list[tuple[list[tuple[int, int]], str]] = []
    previous = None
    # A phrase in another language stands as a name would (Grammalecte reads "Xyz" as one).
    for number, text in source.prose(language=language, foreign="Xyz"):
        raw = source.lines[number - 1] if 0 < number <= len(source.lines) else ""
        if TABLE_RULE.match(text):
            previous = None
            continue
        if TABLE_ROW.match(text):
            found += [([(0, number)], cell.strip()) for cell in text.strip().strip("|").split("|") if cell.strip()]
            previous = None
            continue
        text = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[.\]\s+)?", "", text)  # list markers
        text = re.sub(r"^\s*#{1,6}\s+", "", text)
        text = re.sub(r"(\*\*|__|\*|_)(.+?)\1", r"\2", text)  # emphasis marks
        text = re.sub(r"[ \t]{2,}", " ", text).strip()  # ASCII spaces only: French keeps its no-break ones
        if not text:
            previous = None
            continue
        ends = bool(ENDS_PARAGRAPH.match(raw))
        if previous is not None and previous[0] == number - 1 and not BLOCK_START.match(raw) and not previous[1]:
            lines, joined = found[-1]
            found[-1] = (lines + [(len(joined) + 1, number)], joined + " " + text)
        else:
            found.append(([(0, number)], text))
        previous = (number, ends)
    return found


def line_at(lines: list[tuple[int, int]], offset: int) -> int:
    """The source line of a paragraph's character ``offset``."""
    return next((number for start, number in reversed(lines) if offset >= start), lines[0][1])


def findings(sources: list[Source], language: str, checker: str) -> list[Finding]:
    """The checker's findings on these pages."""
    if checker == "grammalecte":
        return grammalecte_findings(sources, language)
    if checker == "proselint":
        return proselint_findings(sources, language)
    raise ValueError(f"no grammar checker called {checker!r}")


# proselint checks that do not fit the guide: American spelling and word forms (the guide is
# British), and advice that is a matter of taste rather than a mistake.
PROSELINT_OFF = {"spelling", "restricted", "weasel_words.very"}


def proselint_findings(sources: list[Source], language: str) -> list[Finding]:
    try:
        from proselint.checks import __register__
        from proselint.config import DEFAULT
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        raise RuntimeError("proselint is not installed: install the test dependencies (see README)") from None
    registry = CheckRegistry()
    if not registry.get_all_enabled(DEFAULT["checks"]):
        registry.register_many(__register__)
    config = dict(DEFAULT, checks={**DEFAULT["checks"], **{name: False for name in PROSELINT_OFF}})
    found = []
    for source in sources:
        for starts, text in paragraphs(source, language):
            for result in LintFile(source.path, text).lint(config):
                check = result.check_result
                if any(check.check_path == off or check.check_path.startswith(off + ".") for off in PROSELINT_OFF):
                    continue
                start, end = check.span
                found.append(Finding(source.path, line_at(starts, max(0, start - 1)), check.check_path, text[max(0, start - 1):end - 1].strip(),
                                     check.message, tuple(check.replacements or ()) if isinstance(check.replacements, (list, tuple)) else ()))
    return found


def grammalecte_findings(sources: list[Source], language: str) -> list[Finding]:
    """Grammalecte's grammar findings on these pages (one run for all of them)."""
    if shutil.which(COMMAND) is None:
        raise RuntimeError(f"{COMMAND} is not installed (Debian: apt-get install grammalecte-cli; see README)")
    where: list[tuple[str, list[tuple[int, int]]]] = []
    lines: list[str] = []
    for source in sources:
        for starts, text in paragraphs(source, language):
            where.append((source.path, starts))
            lines.append(text)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as file:
        file.write("\n".join(lines) + "\n")
        name = file.name
    try:
        result = subprocess.run([COMMAND, "-f", name, "-j", "-owe"], capture_output=True, text=True, check=True)
    finally:
        Path(name).unlink(missing_ok=True)
    data = json.loads(result.stdout[result.stdout.index("{"):])
    found = []
    for paragraph in data["data"]:
        index = paragraph["iParagraph"] - 1
        path, starts = where[index]
        text = lines[index]
        for error in paragraph["lGrammarErrors"]:
            found.append(Finding(path, line_at(starts, error["nStart"]), error["sRuleId"], text[error["nStart"]:error["nEnd"]],
                                 error["sMessage"], tuple(error.get("aSuggestions") or ())))
    return found


@dataclass(frozen=True)
class Accepted:
    page: str
    rule: str
    words: str
    reason: str

    def matches(self, finding: Finding) -> bool:
        return (self.page in ("*", finding.path) and re.fullmatch(self.rule.replace("*", ".*"), finding.rule) is not None
                and self.words == finding.words)


def load_accepted(path: Path, shown: str) -> tuple[list[Accepted], list[Problem]]:
    if not path.is_file():
        return [], []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    accepted, problems = [], []
    for index, item in enumerate(data, start=1):
        if not isinstance(item, dict) or not all(isinstance(item.get(key), str) and item[key].strip()
                                                 for key in ("page", "rule", "words", "reason")):
            problems.append(Problem(shown, 1, f"entry {index} needs page, rule, words and reason"))
            continue
        accepted.append(Accepted(item["page"], item["rule"], item["words"], item["reason"]))
    return accepted, problems


def check(sources: list[Source], accepted_file: Path, shown: str, language: str, checker: str) -> tuple[list[Problem], int]:
    """Problems (findings not accepted, accepted entries that match nothing), and how many
    findings were accepted."""
    accepted, problems = load_accepted(accepted_file, shown)
    used: set[Accepted] = set()
    count = 0
    for finding in findings(sources, language, checker):
        match = next((entry for entry in accepted if entry.matches(finding)), None)
        if match:
            used.add(match)
            count += 1
        else:
            problems.append(finding.problem())
    for entry in accepted:
        if entry not in used:
            problems.append(Problem(shown, 1, f"accepted “{entry.words}” ({entry.rule}) on {entry.page} matches nothing any more: remove it"))
    return problems, count
