"""Periods (cumulative or bounded) and stages (an earlier count, a moved toll) of extracted figures."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.analysis.periods import figure_periods, figure_stages
from tracker.analysis.types import CUMULATIVE
from tracker.extract import extract

DAY = date(2022, 9, 16)


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Officials said 22 more people died in the past 24 hours, bringing the toll to 1,508.",
                 [("22", "past 24 hours to 16 Sep 2022"), ("1,508", CUMULATIVE)], id="increment-takes-the-window"),
    pytest.param("At least 40 people were killed in the last three days, the agency said.",
                 [("At least 40 people", "last three days to 16 Sep 2022")], id="nearest-figure-without-increment"),
    pytest.param("The toll surged by more than 3,000 in a matter of hours, officials said.",
                 [("more than 3,000", "increase to 16 Sep 2022")], id="rise-by"),
    pytest.param("Almost 300 people had been killed between late June and mid-July.",
                 [("Almost 300 people", "between late June and mid-July")], id="between-months"),
    pytest.param("1,508 people have died in the floods since June 14.", [("1,508 people", CUMULATIVE)],
                 id="since-is-cumulative"),
    pytest.param("Another 9 died in the last 24 hours, including six children.",
                 [("9", "last 24 hours to 16 Sep 2022"), ("six children", "last 24 hours to 16 Sep 2022")],
                 id="subset-inherits"),
    pytest.param("In the last 24 hours 24 people were killed. Another 115 were injured in the same period.",
                 [("24 people", "last 24 hours to 16 Sep 2022"), ("115", "last 24 hours to 16 Sep 2022")],
                 id="same-period-as-before"),
])
def test_figure_periods(text: str, expected: list[tuple[str, str]]) -> None:
    figures = extract(text)
    periods = figure_periods(text, figures, DAY)
    found = [(f.text, p) for f, p in zip(figures, periods, strict=True) if f.category != "duration"]
    assert found == expected


def test_without_a_publication_date_the_window_is_as_written() -> None:
    text = "22 more people died in the past 24 hours."
    assert figure_periods(text, extract(text), None)[0] == "past 24 hours"


@pytest.mark.parametrize(("text", "stages"), [
    pytest.param("The number of dead grew from 50 on Friday, officials said.", [-1], id="grew-from"),
    pytest.param("The toll rose to 57 on Sunday.", [1], id="rose-to"),
    pytest.param("Officials originally reported nearly 500 deaths.", [-1], id="originally-before"),
    pytest.param("the nearly 500 deaths that officials initially reported", [-1], id="initially-after"),
    pytest.param("At least 35 people died in the strike.", [0], id="plain"),
    pytest.param("Initial reports from the ministry stated that 62 people were killed.", [-1], id="initial-reports"),
])
def test_figure_stages(text: str, stages: list[int]) -> None:
    assert figure_stages(text, extract(text)) == stages
