"""README.md is enforced: the quick start is the Makefile's, the CLI reference covers every command and
option, the SQL examples and the pandas example run, and the figure record lists every field."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import click
import pytest

from tracker.cli import cli
from tracker.figure import FIELD_NAMES
from tracker.store.ingest import ingest_paths
from tracker.store.views import CURRENT_VIEWS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    """The text of one `## title` section of the README."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.M | re.S)
    assert match, f"README has no section '## {title}'"
    return match.group(1)


def code_blocks(text: str, language: str = "") -> list[str]:
    """The fenced code blocks of a text in one language ("" for blocks without a language)."""
    return re.findall(rf"^```{language}\n(.*?)^```", text, re.M | re.S)


Path_ = tuple[str, ...]


def command_paths(group: click.Group, prefix: Path_ = ()) -> list[tuple[Path_, click.Command]]:
    """Every leaf command of the CLI with its path of names, e.g. ("db", "upgrade")."""
    out = []
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            out.extend(command_paths(command, (*prefix, name)))
        else:
            out.append(((*prefix, name), command))
    return out


def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z][\w-]*):", text, re.M))


def test_quick_start_is_exactly_the_two_make_targets() -> None:
    blocks = code_blocks(section("Quick start"))
    assert len(blocks) == 1
    commands = [line.split("#")[0].strip() for line in blocks[0].splitlines() if line.strip()]
    assert commands == ["make nightly", "make test"]
    assert {"nightly", "test"} <= makefile_targets()


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^(time )?make test$", ci, re.M)
    assert "chromium chromium-driver" in ci and "apt-get update" in ci
    assert "TRACKER_TEST_POSTGRES_URL" in ci


@pytest.mark.parametrize(("path", "command"), [
    pytest.param(path, command, id=" ".join(path)) for path, command in command_paths(cli)
])
def test_cli_reference_covers_every_command_and_option(path: tuple[str, ...], command: click.Command) -> None:
    reference = section("CLI reference")
    match = re.search(rf"^### tracker {re.escape(' '.join(path))}\n(.*?)(?=^### |\Z)", reference, re.M | re.S)
    assert match, f"README's CLI reference has no '### tracker {' '.join(path)}'"
    for param in command.params:
        if isinstance(param, click.Option):
            assert any(opt in match.group(1) for opt in param.opts), f"{param.opts} not documented"


def test_cli_reference_documents_only_real_commands() -> None:
    documented = re.findall(r"^### tracker (.+)$", section("CLI reference"), re.M)
    assert sorted(documented) == sorted(" ".join(path) for path, _ in command_paths(cli))


def test_readme_lists_every_view() -> None:
    text = section("Querying SQLite directly")
    for view in CURRENT_VIEWS:
        assert f"`{view}`" in text


def test_figure_record_lists_every_field() -> None:
    table = section("The figure record")
    for field in FIELD_NAMES:
        assert f"`{field}`" in table, field


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("readme") / "tracker.db"
    assert ingest_paths([str(ROOT / "seeds")], str(db), progress=False).ok
    return db


SQL_EXAMPLES = code_blocks(section("Querying SQLite directly"), "sql")


def test_three_sql_examples() -> None:
    assert len(SQL_EXAMPLES) >= 3


@pytest.mark.parametrize("query", [pytest.param(q, id=q.splitlines()[0].lstrip("- ")) for q in SQL_EXAMPLES])
def test_sql_examples_run_on_the_seeds(seeds_db: Path, query: str) -> None:
    with sqlite3.connect(seeds_db) as conn:
        rows = conn.execute(query).fetchall()
    assert rows, "the example returns nothing on the seeds"


def test_pandas_example_runs(seeds_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (block,) = code_blocks(section("The pandas API"), "python")
    monkeypatch.chdir(seeds_db.parent)
    namespace: dict[str, object] = {}
    exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 - the README's own example
    assert len(namespace["documents"]) == 5  # type: ignore[arg-type]


def test_speed_names_every_benchmark_script_and_only_those() -> None:
    named = set(re.findall(r"`(benchmarks/\w+\.py)", section("Speed")))
    shipped = {f"benchmarks/{p.name}" for p in (ROOT / "benchmarks").glob("*.py")}
    assert named == shipped
