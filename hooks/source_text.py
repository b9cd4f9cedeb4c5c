"""Shared by the checks of Markdown sources: a located problem, and the lines outside code.

Not a hook. Every check reports ``Problem``s, printed as ``path:line: message`` the way
compilers do, so editors and CI logs link them to the place to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

CODE_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Problem:
    """Something a contributor must fix, located as ``path:line``."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def lines_outside_code(text: str, first_line: int = 1) -> Iterator[tuple[int, str]]:
    """(line number, line) of every line that is not inside a fenced code block (nor a fence)."""
    in_code = False
    for number, line in enumerate(text.splitlines(), start=first_line):
        if CODE_FENCE.match(line):
            in_code = not in_code
            continue
        if not in_code:
            yield number, line
