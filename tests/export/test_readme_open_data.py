"""README's "Open data" section: a subsection per format, each with a two-line example of using the files
elsewhere, and those examples run on the seeds' exports."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_readme import code_blocks, section
from tracker.export import FORMATS
from tracker.export.write import ExportResult

OPEN_DATA = section("Open data")
SUBSECTIONS = dict(re.findall(r"^### (.+?)\n(.*?)(?=^### |\Z)", OPEN_DATA, re.M | re.S))
#: Lines that need a program the test machine lacks (a desktop GIS) or change the environment (pip).
NOT_RUN = ("qgis ", "pip install ")


def subsection_of(fmt: str) -> str:
    (text,) = [body for title, body in SUBSECTIONS.items() if f"`{fmt}/" in title]
    return text


def commands(fmt: str) -> list[str]:
    (block,) = code_blocks(subsection_of(fmt))
    return [line for line in block.splitlines() if line.strip()]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_two_line_example_per_format(fmt: str) -> None:
    assert len(commands(fmt)) == 2


def test_serve_has_its_subsection() -> None:
    (text,) = [body for title, body in SUBSECTIONS.items() if "tracker serve" in title]
    assert "[serve]" in text and "read-only" in text


def runnable(line: str) -> str | None:
    """The part of a README line to run: after `pip install ... &&`, without a trailing comment."""
    if "&&" in line:
        line = line.split("&&", 1)[1]
    line = line.strip()
    if line.startswith(NOT_RUN):
        return None
    return re.sub(r"\s+#[^\"']*$", "", line)


@pytest.mark.parametrize(("fmt", "line"), [
    pytest.param(fmt, line, id=f"{fmt}-{i}") for fmt in FORMATS for i, line in enumerate(commands(fmt))
    if runnable(line)
])
def test_examples_run_on_the_seeds_exports(exported: ExportResult, tmp_path: Path, fmt: str, line: str) -> None:
    (tmp_path / "exports").symlink_to(exported.folder)
    argv = shlex.split(runnable(line) or "")
    if argv[0] == "python":
        argv[0] = sys.executable
    else:
        tool = Path(sys.executable).with_name(argv[0])
        if not tool.exists():
            pytest.skip(f"{argv[0]} is not installed")
        argv[0] = str(tool)
    done = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()
