"""The report's CSV writers: a table written row by row reads back as the one written from a DataFrame."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.report.fakes import seed_like_store
from tracker.errors import ReportError
from tracker.report.export import plain_values, write_csv, write_csv_rows
from tracker.store.api import CLAIM_COLUMNS, FIGURE_COLUMNS


@pytest.mark.parametrize(("table", "columns"), [
    pytest.param("figures", FIGURE_COLUMNS, id="figures"),
    pytest.param("claims", CLAIM_COLUMNS, id="claims"),
])
def test_rows_are_written_as_the_dataframe_is(tmp_path: Path, table: str, columns: dict[str, str]) -> None:
    frame = getattr(seed_like_store(), table)()
    write_csv(frame, tmp_path / "frame.csv")
    rows = zip(*(plain_values(frame[c]) for c in columns), strict=True)
    assert write_csv_rows(rows, tmp_path / "rows.csv", columns) == len(frame)
    written = (tmp_path / "rows.csv").read_text(encoding="utf-8")
    assert written == (tmp_path / "frame.csv").read_text(encoding="utf-8")
    assert "2024-12-08T10:00:00Z" in written or table == "claims"


def test_a_row_of_the_wrong_width_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match=r"rows\.csv: a row of 2 values for 3 columns"):
        write_csv_rows([(1, 2)], tmp_path / "rows.csv", {"a": "Int64", "b": "Int64", "c": "object"})


def test_no_rows_still_gives_the_header(tmp_path: Path) -> None:
    assert write_csv_rows([], tmp_path / "rows.csv", {"figure_id": "Int64", "published": "time"}) == 0
    assert (tmp_path / "rows.csv").read_text(encoding="utf-8") == "figure_id,published\n"
