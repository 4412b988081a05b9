"""Are we on track for 2030? The trend line and the Carbon Law path, as Klimatkollen computes them.

Pure arithmetic on (year, tonnes) pairs, standard library only (no numpy on the build machine):
- the trend: a straight line fitted by least absolute deviations (LAD, median regression) to the
  years from 2015 on, moved to pass through the last reported year, every value floored at zero
  (Klimatbyran/territorial-data-pipeline, kpis/emissions/trend_calculations.py);
- the Carbon Law path: −11.72 % a year from 2025, starting at the 2025 value (reported, or the
  trend's value where 2025 is not reported yet).
Both follow Klimatkollen's published method, as named above.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

CUTOFF_YEAR = 2015
PATH_FROM = 2025
PATH_RATE = 0.1172  # a year: each year 0.8828 of the year before
GOAL_YEAR = 2030

Point = tuple[int, float]


def lad_slope(points: list[Point]) -> float:
    """The slope of the line with the least sum of absolute deviations.

    For a given slope the best intercept is the median of the residuals, and the sum is convex
    and piecewise linear in the slope with its corners at the slopes between two points; so the
    best slope is one of those. On a tie the smallest slope in absolute value wins."""
    candidates = {(y2 - y1) / (x2 - x1) for i, (x1, y1) in enumerate(points) for x2, y2 in points[i + 1 :] if x2 != x1}
    if not candidates:
        return 0.0
    return min(sorted(candidates, key=abs), key=lambda slope: deviation(points, slope))


def deviation(points: list[Point], slope: float) -> float:
    residuals = [y - slope * x for x, y in points]
    middle = median(residuals)
    return sum(abs(r - middle) for r in residuals)


@dataclass(frozen=True)
class OnTrack:
    history: list[Point]  # every reported year
    slope: float  # tonnes a year, from the years since CUTOFF_YEAR
    trend: list[Point]  # from the last reported year to GOAL_YEAR
    path: list[Point]  # from PATH_FROM to GOAL_YEAR

    @property
    def last(self) -> Point:
        return self.history[-1]

    def trend_at(self, year: int) -> float:
        last_year, last_value = self.last
        return max(last_value + self.slope * (year - last_year), 0.0)

    def path_at(self, year: int) -> float:
        return dict(self.path)[year]


def on_track(history: list[Point], goal_year: int = GOAL_YEAR) -> OnTrack:
    """The trend and the path for a series of (year, total tonnes), oldest first."""
    history = sorted(history)
    recent = [(year, value) for year, value in history if year >= CUTOFF_YEAR]
    result = OnTrack(history, lad_slope(recent), [], [])
    last_year = result.last[0]
    trend = [(year, result.trend_at(year)) for year in range(last_year, max(goal_year, last_year) + 1)]
    start = dict(history).get(PATH_FROM, result.trend_at(PATH_FROM))
    path = [(year, start * (1 - PATH_RATE) ** (year - PATH_FROM)) for year in range(PATH_FROM, goal_year + 1)]
    return OnTrack(history, result.slope, trend, path)


def change_since(history: list[Point], year: int = CUTOFF_YEAR) -> float | None:
    """Per cent change from `year` (or the first reported year after it) to the last year."""
    base = next(((y, v) for y, v in sorted(history) if y >= year), None)
    last = max(history)
    if base is None or base[0] == last[0] or base[1] == 0:
        return None
    return (last[1] - base[1]) / base[1] * 100
