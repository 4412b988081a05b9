"""A mistake in a registry, said so that an editor can find and fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    record: str | None  # the record's id (or "#3" for the third record when it has no id)
    field: str | None  # dotted field name, e.g. "description.en"
    message: str  # "what is wrong — what to write instead"

    def __str__(self) -> str:
        where = []
        if self.record:
            where.append(f"record {self.record}")
        if self.field:
            where.append(f"field {self.field}")
        prefix = f"{', '.join(where)}: " if where else ""
        return f"{self.file}:{self.line}:{self.column}: {prefix}{self.message}"

    def annotation(self) -> str:
        """The same message as a GitHub Actions workflow command, shown on the pull request's diff."""
        text = str(self).split(": ", 1)[1]
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::error file={self.file},line={self.line},col={self.column}::{text}"


class RegistryError(Exception):
    """Every mistake found in the registries, reported together."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [str(p) for p in self.problems]
        lines.append(f"{count} mistake{'s' if count != 1 else ''} in the registries — fix them and try again.")
        return "\n".join(lines)
