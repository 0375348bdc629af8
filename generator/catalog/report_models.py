"""The values of progress reports and measurable targets: frozen dataclasses built from validated YAML.

A unit reports on the tasks of one plan in ``catalog/reports/<unit>/<plan>.yaml``;
targets are declared in the plan file, on the plan or on one of its tasks.
Numbers are kept as the text typed ("76,5"); ``number`` reads them.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass


def number(text: str | None) -> float | None:
    """ "76,5" or "76.5" → 76.5; None stays None."""
    return None if text is None else float(text.replace(",", "."))


@dataclass(frozen=True)
class Target:
    id: str
    name: str
    measure: str
    target: str
    higher_is_better: bool = True
    text: str | None = None  # the plan's own words

    @property
    def value(self) -> float:
        return number(self.target)


@dataclass(frozen=True)
class Evidence:
    document: str
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class TaskReport:
    task: str
    period: str
    status: str
    done_on: str | None = None
    evidence: tuple[Evidence, ...] = ()
    note: str | None = None
    illustrative: bool = False


@dataclass(frozen=True)
class Actual:
    target: str
    period: str
    value: str
    note: str | None = None
    illustrative: bool = False

    @property
    def number(self) -> float:
        return number(self.value)


@dataclass(frozen=True)
class ReportFile:
    plan: str
    unit: str
    reports: tuple[TaskReport, ...] = ()
    actuals: tuple[Actual, ...] = ()
    illustrative: bool = False  # every report and actual of the file is sample data
    path: str = ""

    @property
    def id(self) -> str:
        return f"{self.unit}/{self.plan}"


def period_bounds(period: str) -> tuple[str, str]:
    """The first and last day of a period: "2024-Q1" → ("2024-01-01", "2024-03-31"); "2024-03"; "2024"."""
    year = int(period[:4])
    if len(period) == 4:
        first, last = 1, 12
    elif period[5] == "Q":
        quarter = int(period[6])
        first, last = 3 * quarter - 2, 3 * quarter
    else:
        first = last = int(period[5:7])
    return f"{year:04d}-{first:02d}-01", f"{year:04d}-{last:02d}-{calendar.monthrange(year, last)[1]:02d}"


def period_label(period: str) -> str:
    """ "2024-Q1" → "Quý I/2024", "2024-03" → "Tháng 03/2024", "2024" → "Năm 2024"."""
    if len(period) == 4:
        return f"Năm {period}"
    if period[5] == "Q":
        return f"Quý {('I', 'II', 'III', 'IV')[int(period[6]) - 1]}/{period[:4]}"
    return f"Tháng {period[5:7]}/{period[:4]}"
