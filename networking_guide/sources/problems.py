"""A problem a contributor must fix, located as ``path:line`` the way compilers print them, so
that editors and CI logs link it to the place to fix."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def report(problems: list[Problem], what: str) -> str:
    """One message for a list of problems: a count, then one problem a line."""
    return f"{len(problems)} {what}:\n" + "\n".join(map(str, problems))
