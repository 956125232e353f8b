"""A table of figures as `make bench` prints it, and as each bench script prints alone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Table:
    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[str]]

    def render(self) -> str:
        """Columns of numbers aligned right, of text left."""
        columns = list(zip(self.headers, *self.rows, strict=True))
        widths = [max(len(cell) for cell in column) for column in columns]
        numeric = [all(_is_number(cell) for cell in column[1:] if cell) for column in columns]
        lines = [self.title, ""]
        for cells in [self.headers, ["-" * width for width in widths], *self.rows]:
            aligned = [
                cell.rjust(width) if right else cell.ljust(width)
                for cell, width, right in zip(cells, widths, numeric, strict=True)
            ]
            lines.append("  ".join(aligned).rstrip())
        return "\n".join(lines)


@dataclass(frozen=True)
class Figure:
    """One measured figure beside the baseline timed in the same run, and its target."""

    name: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    target: str = ""


FIGURE_HEADERS = ["figure", "value", "baseline", "ratio", "target"]


def figure_rows(figures: Sequence[Figure]) -> list[list[str]]:
    table = []
    for figure in figures:
        baseline = (
            f"{figure.baseline:.4g} {figure.unit}, {figure.baseline_name}"
            if figure.baseline is not None
            else ""
        )
        ratio = f"{figure.value / figure.baseline:.3g}" if figure.baseline else ""
        table.append(
            [figure.name, f"{figure.value:.4g} {figure.unit}", baseline, ratio, figure.target]
        )
    return table


def _is_number(cell: str) -> bool:
    """Cells such as 3,668, +0.08, 0.5 s and 97.8 % count as numbers."""
    try:
        float(cell.split()[0].replace(",", ""))
    except ValueError:
        return False
    return True


def percentile(values: list[float], percent: float) -> float:
    """The value `percent` per cent of `values` are at or below (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * percent / 100))]
