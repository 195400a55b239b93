"""Store fixtures: every store test runs on SQLite and on PostgreSQL (its own schema per test)."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from functools import cache
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from tracker.analysis.places import Place
from tracker.analysis.types import CUMULATIVE, Analysis, ClaimOut, DiscrepancyOut, DocumentInput, EventOut, StatisticOut
from tracker.figure import Figure
from tracker.store import ingest as ingest_module
from tracker.store import persist_analysis
from tracker.store import prepare as prepare_module
from tracker.store.engine import make_engine

POSTGRES_ENV = "TRACKER_TEST_POSTGRES_URL"
TABLES = (
    "documents",
    "sentences",
    "figures",
    "sources",
    "source_aliases",
    "events",
    "document_events",
    "statistics",
    "claims",
    "mentions",
    "discrepancies",
    "revisions",
)


@cache
def postgres_unavailable(url: str | None) -> str | None:
    """Why the PostgreSQL tests cannot run (None when they can)."""
    if not url:
        return f"{POSTGRES_ENV} is not set"
    try:
        engine = create_engine(url)
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except (SQLAlchemyError, ImportError) as exc:
        return f"PostgreSQL at {url} is unreachable: {type(exc).__name__}"
    return None


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[str]:
    """A database for one test: a SQLite file, or a PostgreSQL URL whose search_path is a fresh schema."""
    if request.param == "sqlite":
        yield str(tmp_path / "tracker.db")
        return
    base = os.environ.get(POSTGRES_ENV)
    reason = postgres_unavailable(base)
    if reason is not None:
        pytest.skip(reason)
    assert base is not None
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        admin.dispose()


@pytest.fixture
def sqlite_db(tmp_path: Any) -> str:
    """A SQLite database path (for tests about SQLite itself: WAL, crash safety)."""
    return str(tmp_path / "tracker.db")


def row_counts(db: str) -> dict[str, int]:
    """Rows per table of the store."""
    engine = make_engine(db)
    try:
        with engine.connect() as conn:
            return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES}
    finally:
        engine.dispose()


def query(db: str, sql: str, **params: Any) -> list[Any]:
    """The rows of one query."""
    engine = make_engine(db)
    try:
        with engine.connect() as conn:
            return list(conn.execute(text(sql), params).all())
    finally:
        engine.dispose()


# A tiny extractor for tests: "<number> <people|civilians|...> <killed|injured|displaced>", with
# "including <n> civilians" as a part of the figure before it and "the Observatory said" as source.
_FAKE = re.compile(r"(?P<q>(?i:at least |about ))?(?P<n>\d[\d,]*) (?P<entity>people|civilians|fighters|homes)")
_CATEGORY_WORDS = (("killed", "killed"), ("injured", "injured"), ("displaced", "displaced"))


def fake_extract(document: str, doc: str = "", *, published: object = None, sentences: object = None) -> list[Figure]:
    """Figures a test can predict from the text (the real extractor is tested elsewhere)."""
    from tracker.extract.sentences import split_sentences

    out: list[Figure] = []
    for sentence in split_sentences(document):
        category = next((c for word, c in _CATEGORY_WORDS if word in sentence.text), "other")
        source = "Syrian Observatory for Human Rights" if "Observatory said" in sentence.text else None
        first_in_sentence: int | None = None
        for m in _FAKE.finditer(sentence.text):
            value = float(m["n"].replace(",", ""))
            qualifier = {"at least ": "at_least", "about ": "approximately"}.get((m["q"] or "").lower(), "exact")
            parent = None
            if first_in_sentence is not None and "including" in sentence.text[: m.start()]:
                parent = first_in_sentence
            out.append(
                Figure(
                    doc=doc,
                    start=sentence.start + m.start(),
                    end=sentence.start + m.end(),
                    text=m.group(),
                    sentence=sentence.text,
                    sentence_start=sentence.start,
                    sentence_end=sentence.end,
                    value=value,
                    low=value,
                    high=None if qualifier == "at_least" else value,
                    qualifier=qualifier,
                    unit="count",
                    entity=m["entity"],
                    category=category,
                    source=source,
                    source_text="the Observatory said" if source else None,
                    source_kind="monitor" if source else None,
                    parent=parent,
                    tracker_version="test",
                )
            )
            if first_in_sentence is None:
                first_in_sentence = len(out) - 1
    return out


STAND_IN_EVENT = EventOut("stand-in-event", "Stand-in event", "other", Place("SYR"), None, False, ())


def stand_in_analyzer(docs: Iterable[DocumentInput]) -> Analysis:
    """A minimal analysis for store tests: one event, a statistic per category, a claim per (category,
    value, source), a value discrepancy where a statistic's first two claims differ."""
    statistics: dict[str, StatisticOut] = {}
    claims: dict[str, dict[str, Any]] = {}
    figure_ids: list[int] = []
    document_ids: set[int] = set()
    latest: dict[str, tuple[bool, datetime, int]] = {}
    for doc in docs:
        document_ids.add(doc.document_id)
        for m in doc.mentions:
            figure_ids.append(m.figure_id)
            skey = f"s/{m.category}"
            when = (doc.published is not None, doc.published or datetime.min.replace(tzinfo=UTC), m.figure_id)
            if skey not in statistics or when > latest[skey]:  # the headline: the newest document's figure
                latest[skey] = when
                statistics[skey] = StatisticOut(skey, f"{m.category}: people", STAND_IN_EVENT.key, m.category,
                                                "people", None, CUMULATIVE, None, m.figure_id)
            ckey = f"c/{m.category}/{m.value}/{m.source}"
            claim = claims.setdefault(ckey, {"m": m, "figures": [], "docs": set(), "skey": skey})
            claim["figures"].append(m.figure_id)
            claim["docs"].add(doc.document_id)
    claim_out = tuple(
        ClaimOut(
            key,
            c["skey"],
            c["m"].value,
            c["m"].low,
            c["m"].high,
            c["m"].qualifier,
            c["m"].unit,
            c["m"].entity,
            c["m"].source,
            tuple(c["figures"]),
            len(c["docs"]),
            len(c["docs"]),
        )
        for key, c in sorted(claims.items())
    )
    discrepancies = []
    by_statistic: dict[str, list[ClaimOut]] = {}
    for claim in claim_out:
        by_statistic.setdefault(claim.statistic_key, []).append(claim)
    for skey, group in sorted(by_statistic.items()):
        if len(group) >= 2 and group[0].value != group[1].value:
            discrepancies.append(DiscrepancyOut(
                skey, "value", group[0].key, group[1].key, f"{group[0].value} vs {group[1].value}",
                group[0].figure_ids[0], group[1].figure_ids[0],
            ))
    events = (STAND_IN_EVENT,) if figure_ids else ()
    return Analysis(
        events, tuple(statistics.values()), claim_out, tuple(discrepancies), (), (),
        event_of_figure={f: STAND_IN_EVENT.key for f in figure_ids},
        statistic_of_figure={m: c.statistic_key for c in claim_out for m in c.figure_ids},
        event_of_document_event={},
        place_of_figure={},
    )


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ingest with the predictable test extractor and the stand-in analysis."""
    monkeypatch.setattr(prepare_module, "extract", fake_extract)
    monkeypatch.setattr(ingest_module, "find_analyzer", lambda: stand_in_analyzer)
    monkeypatch.setattr(persist_analysis, "find_analyzer", lambda: stand_in_analyzer)
