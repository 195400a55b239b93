"""The pandas API contract: tracker.open(db) -> Store, DataFrames with fixed columns and dtypes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd
import pytest

import tracker
from tracker.errors import ParseError, StoreError
from tracker.report.export import plain_values
from tracker.store import models
from tracker.store.api import (
    CLAIM_COLUMNS,
    DISCREPANCY_COLUMNS,
    DOCUMENT_COLUMNS,
    FIGURE_COLUMNS,
    RUN_COLUMNS,
    STATISTIC_COLUMNS,
    Store,
)
from tracker.store.engine import make_engine
from tracker.store.ingest import ingest_paths

FRAMES = {
    "figures": FIGURE_COLUMNS,
    "statistics": STATISTIC_COLUMNS,
    "claims": CLAIM_COLUMNS,
    "discrepancies": DISCREPANCY_COLUMNS,
    "documents": DOCUMENT_COLUMNS,
    "runs": RUN_COLUMNS,
}
DTYPE_NAMES = {"Int64": "Int64", "Float64": "Float64", "object": "object", "time": "datetime64[ns, UTC]"}

EARLY = "date 2024-12-07\nAt least 826 people have been killed, the Observatory said.\n"
LATE = "date 2024-12-08\nAt least 900 people have been killed, the Observatory said.\nAbout 20 homes burned.\n"
UNDATED = "The fighting displaced 370,000 people.\n"


@pytest.fixture
def corpus(db: str, tmp_path: Path, fake_pipeline: None) -> str:
    """A store holding three small documents, analysed by the stand-in analysis."""
    paths = []
    for name, text in (("early.txt", EARLY), ("late.txt", LATE), ("undated.txt", UNDATED)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    assert ingest_paths(paths, db).ok
    return db


def _expected_dtype(spec: str) -> str:
    return "category" if spec.startswith("cat") else DTYPE_NAMES[spec]


@pytest.mark.parametrize("empty", [pytest.param(True, id="empty-store"), pytest.param(False, id="corpus")])
@pytest.mark.parametrize("frame", list(FRAMES))
def test_frames_have_the_contract_columns_and_dtypes(
    db: str, tmp_path: Path, fake_pipeline: None, frame: str, empty: bool
) -> None:
    if not empty:
        path = tmp_path / "a.txt"
        path.write_text(EARLY + LATE, encoding="utf-8")
        ingest_paths([str(path)], db)
    else:
        tracker.store.migrate.upgrade(db)
    with tracker.open(db) as store:
        df = getattr(store, frame)()
    columns = FRAMES[frame]
    assert list(df.columns) == list(columns)
    assert {c: str(df[c].dtype) for c in df.columns} == {c: _expected_dtype(s) for c, s in columns.items()}
    assert empty == df.empty or frame in ("discrepancies",)


def test_figures_rows_and_filters(corpus: str) -> None:
    with Store(corpus) as store:
        every = store.figures()
        killed = store.figures(category="killed")
        two = store.figures(category=["killed", "other"])
        since = store.figures(since="2024-12-08")
        observatory = store.figures(source="Syrian Observatory for Human Rights")
        nobody = store.figures(source=["Nobody"])
    assert every["value"].tolist() == [826, 900, 20, 370000]
    assert killed["value"].tolist() == [826, 900]
    assert two["value"].tolist() == [826, 900, 20]
    assert since["value"].tolist() == [900, 20]  # the undated document is not "since" anything
    assert observatory["value"].tolist() == [826, 900]
    assert nobody.empty
    row = every.iloc[0]
    assert row["doc"].endswith("early.txt") and row["path"].endswith("early.txt")
    assert row["sentence"] == "At least 826 people have been killed, the Observatory said."
    assert row["text"] == "At least 826 people"
    assert row["qualifier"] == "at_least" and row["category"] == "killed" and row["source_kind"] == "monitor"
    assert str(row["published"]) == "2024-12-07 00:00:00+00:00"
    assert not pd.isna(row["claim_id"]) and not pd.isna(row["statistic_id"])


@pytest.mark.parametrize(
    "since",
    [
        pytest.param("2024-12-08", id="iso-string"),
        pytest.param(pd.Timestamp("2024-12-08").date(), id="date"),
        pytest.param(pd.Timestamp("2024-12-08T01:00:00+01:00").to_pydatetime(), id="aware-datetime"),
    ],
)
def test_since_accepts_dates_datetimes_and_strings(corpus: str, since: object) -> None:
    with Store(corpus) as store:
        assert store.figures(since=since)["value"].tolist() == [900, 20]  # type: ignore[arg-type]


def test_since_refuses_what_is_not_a_date(corpus: str) -> None:
    with Store(corpus) as store, pytest.raises(ParseError):
        store.figures(since="yesterday")


def test_claims_statistics_and_discrepancies(corpus: str) -> None:
    with Store(corpus) as store:
        claims = store.claims()
        statistics = store.statistics().set_index("label")
        discrepancies = store.discrepancies()
    killed_claims = claims[claims["category"] == "killed"]
    assert killed_claims["value"].tolist() == [826, 900]
    assert killed_claims["n_mentions"].tolist() == [1, 1]
    assert killed_claims["source"].tolist() == ["Syrian Observatory for Human Rights"] * 2
    assert str(killed_claims["first_published"].iloc[1]) == "2024-12-08 00:00:00+00:00"
    killed = statistics.loc["killed: people"]
    assert (killed["n_claims"], killed["n_documents"], killed["n_origins"]) == (2, 2, 2)
    assert killed["latest_value"] == 900  # the newest document's claim
    assert killed["latest_qualifier"] == "at_least"
    assert str(killed["latest_published"]) == "2024-12-08 00:00:00+00:00"
    undated = statistics.loc["displaced: people"]
    assert undated["latest_value"] == 370000 and pd.isna(undated["latest_published"])
    assert len(discrepancies) == 1
    row = discrepancies.iloc[0]
    assert (row["kind"], row["statistic_label"], row["value_a"], row["value_b"]) == (
        "value",
        "killed: people",
        826,
        900,
    )
    assert row["claim_a_id"] in set(claims["claim_id"]) and row["claim_b_id"] in set(claims["claim_id"])


def test_documents_and_runs(corpus: str) -> None:
    with Store(corpus) as store:
        documents = store.documents()
        runs = store.runs()
    assert documents["n_figures"].tolist() == [1, 2, 1]
    assert documents["content_hash"].str.len().tolist() == [64, 64, 64]
    assert documents["ingested_at"].notna().all()
    assert runs["kind"].tolist() == ["ingest"]
    assert runs["status"].tolist() == ["ok"]
    assert runs["n_documents"].tolist() == [3]
    assert runs["finished"].iloc[0] >= runs["started"].iloc[0]


def test_sql_runs_queries_on_the_views(corpus: str) -> None:
    with Store(corpus) as store:
        rows = store.sql("SELECT value, source FROM casualty_figures ORDER BY value")
    assert rows["value"].tolist() == [826, 900, 370000]


def test_open_resolves_the_database_like_the_cli(corpus: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_DB", corpus)
    with tracker.open() as store:
        assert len(store.documents()) == 3


def test_open_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no tracker database"):
        tracker.open(str(tmp_path / "absent.db"))


def test_open_refuses_a_database_without_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    sqlite3.connect(path).close()
    with pytest.raises(StoreError, match="tracker db upgrade"):
        tracker.open(str(path))


def test_sql_refuses_writes_and_the_store_stays_usable(corpus: str) -> None:
    with Store(corpus) as store:
        with pytest.raises(StoreError, match="query failed"):
            store.sql("DELETE FROM figures")
        assert len(store.figures()) == 4
        assert store.sql("SELECT count(*) AS n FROM figures")["n"].iloc[0] == 4
    assert ingest_paths([], corpus).ok  # a writer still can write afterwards


def test_figures_by_ids_claims_statistics_and_newest(corpus: str) -> None:
    with Store(corpus) as store:
        every = store.figures()
        killed = int(store.statistics().set_index("label").loc["killed: people", "statistic_id"])
        figure_ids = every["figure_id"].tolist()
        by_ids = store.figures(ids=[figure_ids[0], figure_ids[3]])
        by_claim = store.figures(claims=[int(every["claim_id"].iloc[1])])
        by_statistic = store.figures(statistics=[killed])
        newest = store.figures(newest=2)
        killed_newest = store.figures(category="killed", newest=1)
        none = store.figures(ids=[])
        assert store.figure_ids() == sorted(figure_ids)
    assert by_ids["value"].tolist() == [826, 370000]
    assert by_claim["value"].tolist() == [900]
    assert by_statistic["value"].tolist() == [826, 900]
    assert newest["value"].tolist() == [900, 20]  # the late document's; an undated figure is never the newest
    assert killed_newest["value"].tolist() == [900]
    assert none.empty and list(none.columns) == list(FIGURE_COLUMNS)


def test_claims_by_category_unit_ids_and_the_most_reported(corpus: str) -> None:
    with Store(corpus) as store:
        every = store.claims()
        killed = store.claims(category="killed")
        counted = store.claims(category=["killed", "displaced"], unit="count")
        by_ids = store.claims(ids=every["claim_id"].tolist()[:2])
        most = store.claims(most_reported=1)  # every claim is in one document: the largest value wins
        most_killed = store.claims(category="killed", most_reported=1)
        no_unit = store.claims(unit="km")
    assert killed["value"].tolist() == [826, 900]
    assert sorted(counted["value"].tolist()) == [826, 900, 370000]
    assert by_ids["claim_id"].tolist() == every["claim_id"].tolist()[:2]
    assert by_ids["n_mentions"].tolist() == every["n_mentions"].tolist()[:2]
    assert most["value"].tolist() == [370000]
    assert most_killed["value"].tolist() == [900]
    assert no_unit.empty


@pytest.mark.parametrize("size", [pytest.param(1, id="a-row-at-a-time"), pytest.param(1000, id="all-at-once")])
def test_rows_stream_what_the_frames_hold(corpus: str, size: int) -> None:
    with Store(corpus) as store:
        figures = store.figures().sort_values("figure_id")
        claims = store.claims()
        figure_rows = [tuple(r) for r in store.figure_rows(size)]
        claim_rows = [tuple(r) for r in store.claim_rows(size)]
    assert figure_rows == list(zip(*(plain_values(figures[c]) for c in FIGURE_COLUMNS), strict=True))
    assert claim_rows == list(zip(*(plain_values(claims[c]) for c in CLAIM_COLUMNS), strict=True))


def test_statistic_activity_counts_days_and_revisions(corpus: str) -> None:
    with Store(corpus) as store:
        statistics = store.statistics().set_index("label")["statistic_id"]
        figures = store.figures(category="killed")
    engine = make_engine(corpus, writer=True)
    with engine.begin() as conn:  # one revision, as the analysis stores a source's toll moving on
        conn.execute(models.REVISIONS.insert(), [{
            "statistic_id": int(statistics["killed: people"]), "source_id": None,
            "figure_from_id": int(figures["figure_id"].iloc[0]), "figure_to_id": int(figures["figure_id"].iloc[1])}])
    engine.dispose()
    with Store(corpus) as store:
        activity = store.statistic_activity().set_index("statistic_id")
        revisions = store.revisions(statistics=[int(statistics["killed: people"])])
        other = store.revisions(statistics=[int(statistics["displaced: people"])])
    by_label = activity.loc[statistics.tolist()].set_axis(statistics.index)
    assert by_label["n_days"].to_dict() == {"killed: people": 2, "other: people": 1, "displaced: people": 0}
    assert by_label["n_revisions"].to_dict() == {"killed: people": 1, "other: people": 0, "displaced: people": 0}
    assert revisions[["value_from", "value_to"]].values.tolist() == [[826, 900]]
    assert other.empty


def test_an_id_list_longer_than_the_bound_parameter_limit(corpus: str) -> None:
    with Store(corpus) as store:
        first = store.figure_ids()[0]
        many = [*range(10**6, 10**6 + 40_000), first]  # SQLite binds at most 32,766 parameters
        assert store.figures(ids=many)["figure_id"].tolist() == [first]
        assert store.figures(statistics=[], ids=many).empty
