"""The `tracker` command line: a thin layer over the library. Each command calls one library function."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from tracker import __version__
from tracker.errors import InputError, TrackerError

F = TypeVar("F", bound=Callable[..., Any])

DB_HELP = "SQLite file or SQLAlchemy URL (default: $TRACKER_DB, else tracker.db in the working directory)."


def fail(message: str) -> None:
    """Print one line on stderr, prefixed with the program name."""
    click.echo(f"tracker: {message}", err=True)


def one_line_errors(func: F) -> F:
    """Turn a `TrackerError` into one line on stderr and exit status 1, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except TrackerError as exc:
            fail(str(exc))
            sys.exit(1)
        except KeyboardInterrupt:
            fail("interrupted")
            sys.exit(130)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tracker")
def cli() -> None:
    """Casualty and statistic figures from news text, with provenance.

    Typical use: `tracker nightly seeds/` ingests articles into tracker.db and writes reports/DATE/.
    """


@cli.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True,
              help="table: a readable table for people; jsonl: one figure record per line (the contract).")
@click.option("--jobs", type=int, default=0, show_default=True,
              help="Processes for jsonl output; 0 picks one per core for large inputs, 1 for small ones.")
@one_line_errors
def extract_command(paths: Sequence[str], fmt: str, jobs: int) -> None:
    """Print the figures in PATHS (.txt: one document; .jsonl: one {"id", "text"} document per line).

    A path that cannot be read gets one line on stderr; the others are still processed and the exit
    status is 1.
    """
    from tracker.documents import read_documents
    from tracker.extract.batch import default_jobs, extract_documents, extract_jsonl
    from tracker.extract.table import format_table

    failed = False
    out = sys.stdout
    if fmt == "jsonl":
        for chunk in extract_jsonl(read_documents(paths), jobs or default_jobs(paths)):
            if isinstance(chunk, InputError):
                fail(str(chunk))
                failed = True
            elif isinstance(chunk, str):
                out.write(chunk)
    else:
        for result in extract_documents(read_documents(paths)):
            if isinstance(result, InputError):
                fail(str(result))
                failed = True
            else:
                out.write(format_table(result[0].id, result[1]))
    out.flush()
    if failed:
        sys.exit(1)


@cli.command("analyze")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True,
              help="jsonl: one record per line (figures, events, statistics, discrepancies, revisions).")
@one_line_errors
def analyze_command(paths: Sequence[str], fmt: str) -> None:
    """Extract and analyse PATHS together, without storing anything (SPEC: `tracker analyze`).

    Prints each figure with its event, statistic and place, then the events, statistics, discrepancies
    and revisions found across the documents. A path that cannot be read gets one line on stderr; the
    others are still analysed and the exit status is 1.
    """
    import json

    from tracker.analysis.records import analysis_records
    from tracker.documents import read_documents

    failed = False
    out = sys.stdout
    for record in analysis_records(read_documents(paths)):
        if isinstance(record, InputError):
            fail(str(record))
            failed = True
        else:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()
    if failed:
        sys.exit(1)


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=None, help=DB_HELP)
@click.option("--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes that extract and store; 0 picks one per core for large inputs, 1 for small ones.")
@click.option("--dask", "scheduler", default=None, metavar="ADDRESS",
              help="Extract and store on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786); "
                   "needs a PostgreSQL --db and the cluster extra.")
@click.option("--partition-size", type=click.IntRange(min=1), default=None,
              help="Documents per partition, each stored in one transaction (default: 32; with --dask 500).")
@one_line_errors
def ingest_command(
    paths: Sequence[str], db: str | None, jobs: int, scheduler: str | None, partition_size: int | None
) -> None:
    """Extract and store the documents in PATHS (files, directories, JSONL); already stored ones are skipped."""
    progress = sys.stderr.isatty()
    if scheduler is not None:
        if jobs:
            raise click.BadOptionUsage("jobs", "--jobs sets processes on this machine; with --dask the cluster works")
        from tracker.store.cluster import PARTITION_DOCUMENTS, ingest_paths_with_dask

        size = partition_size or PARTITION_DOCUMENTS
        result = ingest_paths_with_dask(paths, db, scheduler, partition_size=size, progress=progress)
    else:
        from tracker.store.ingest import BATCH_DOCUMENTS, ingest_paths

        size = partition_size or BATCH_DOCUMENTS
        result = ingest_paths(paths, db, progress=progress, jobs=jobs, batch_size=size)
    for failure in result.failures:
        fail(str(failure))
    click.echo(result.summary_line(), err=True)
    if not result.ok:
        sys.exit(1)


@cli.command("reextract")
@click.option("--db", default=None, help=DB_HELP)
@one_line_errors
def reextract_command(db: str | None) -> None:
    """Extract the stored documents again with this tracker version, recorded as a run."""
    from tracker.store.ingest import reextract

    result = reextract(db, progress=sys.stderr.isatty())
    click.echo(result.summary_line(), err=True)
    if not result.ok:
        sys.exit(1)


@cli.command("reanalyze")
@click.option("--db", default=None, help=DB_HELP)
@one_line_errors
def reanalyze_command(db: str | None) -> None:
    """Run the analysis again on every stored document and figure (after a tracker upgrade).

    Redoes each document's places, events and periods, then the events, statistics, discrepancies and
    revisions across the store; the figures themselves are not extracted again (see `reextract`).
    """
    from tracker.store.reanalyze import reanalyze

    click.echo(reanalyze(db), err=True)


@cli.group("db")
def db_group() -> None:
    """Database maintenance."""


@db_group.command("upgrade")
@click.option("--db", default=None, help=DB_HELP)
@one_line_errors
def db_upgrade_command(db: str | None) -> None:
    """Create the store or migrate it to the newest schema (Alembic)."""
    from tracker.store.migrate import upgrade

    click.echo(upgrade(db), err=True)


@cli.command("report")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--out", default="reports", show_default=True, help="Folder that receives DATE/index.html.")
@click.option("--date", "date", default=None, help="Report date YYYY-MM-DD (default: newest document's).")
@one_line_errors
def report_command(db: str | None, out: str, date: str | None) -> None:
    """Write the report (index.html, CSVs, manifest.json) into OUT/DATE/."""
    from tracker.report.build import build_report

    result = build_report(db, out, date)
    click.echo(result.summary_line(), err=True)


@cli.command("nightly")
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=None, help=DB_HELP)
@click.option("--out", default="reports", show_default=True, help="Folder that receives DATE/index.html.")
@click.option("--date", "date", default=None, help="Report date YYYY-MM-DD (default: newest document's).")
@click.option("--export", "exports", default="",
              help="Open-data formats to write beside the report, e.g. hxl,datapackage (see `tracker export`).")
@one_line_errors
def nightly_command(paths: Sequence[str], db: str | None, out: str, date: str | None, exports: str) -> None:
    """Ingest PATHS then write the report: the one command a cron job runs.

    The exit status is 1 when any input failed; the report is still written for what succeeded.
    """
    from tracker.report.build import run_nightly

    result = run_nightly(paths, db, out, date, progress=sys.stderr.isatty(), exports=exports)
    for failure in result.failures:
        fail(str(failure))
    click.echo(result.summary_line(), err=True)
    if not result.ok:
        sys.exit(1)


@cli.command("export")
@click.option("--format", "formats", required=True,
              help="hxl, datapackage, geojson or prov; several separated by commas (hxl,datapackage).")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--out", default="exports", show_default=True, help="Folder that receives one subfolder per format.")
@one_line_errors
def export_command(formats: str, db: str | None, out: str) -> None:
    """Write the store as open data: HXL CSVs, a Frictionless data package, GeoJSON, W3C PROV-JSON."""
    from tracker.export.write import export_store

    click.echo(export_store(db, formats, out).summary_line(), err=True)


@cli.command("serve")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--port", type=click.IntRange(1, 65535), default=8001, show_default=True,
              help="Port to listen on (on 127.0.0.1 only).")
@one_line_errors
def serve_command(db: str | None, port: int) -> None:
    """Browse the store read-only in Datasette, with a map of the events and figures (needs the serve extra)."""
    from tracker.export.serve import serve

    serve(db, port, announce=lambda line: click.echo(line, err=True))


def main() -> None:
    """Entry point of the `tracker` console script."""
    cli(prog_name="tracker")
