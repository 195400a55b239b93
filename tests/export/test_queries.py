"""The canned queries of `tracker serve` are the README's SQL examples, and they run on the seeds."""

from __future__ import annotations

import re

import pytest

import tracker
from tests.test_readme import README
from tracker.errors import DataFileError
from tracker.export.queries import Query, canned_queries, query_name, readme_queries


def test_data_file_reads_back_as_the_readme_queries() -> None:
    assert list(canned_queries()) == readme_queries(README)
    assert len(canned_queries()) >= 3


@pytest.mark.parametrize(("title", "name"), [
    pytest.param("the newest casualty figures, with who said them and where", "newest_casualty_figures",
                 id="leading the and a comma"),
    pytest.param("what the sources disagree about", "what_the_sources_disagree_about", id="no comma"),
    pytest.param("Tolls by event (killed)", "tolls_by_event_killed", id="case and brackets"),
])
def test_query_names(title: str, name: str) -> None:
    assert query_name(title) == name


def test_two_examples_with_one_name_are_refused() -> None:
    readme = ("## Querying SQLite directly\n\n```sql\n-- the tolls, by event\nSELECT 1;\n```\n\n"
              "```sql\n-- the tolls, by place\nSELECT 2;\n```\n")
    with pytest.raises(DataFileError):
        readme_queries(readme)


def test_names_do_not_shadow_tables(seeds_db: str) -> None:
    with tracker.open(seeds_db) as store:
        objects = set(store.sql("SELECT name FROM sqlite_master")["name"])
    assert not {q.name for q in canned_queries()} & objects


@pytest.mark.parametrize("query", [pytest.param(q, id=q.name) for q in canned_queries()])
def test_each_query_runs_on_the_seeds(seeds_db: str, query: Query) -> None:
    with tracker.open(seeds_db) as store:
        assert len(store.sql(query.sql)) > 0


def test_readme_names_only_real_pages(seeds_db: str) -> None:
    from tests.test_readme import section

    with tracker.open(seeds_db) as store:
        objects = set(store.sql("SELECT name FROM sqlite_master")["name"])
    named = set(re.findall(r"`/tracker/(\w+)", section("Open data")))
    assert named, "the serve section names no page"
    assert named <= objects | {q.name for q in canned_queries()}
