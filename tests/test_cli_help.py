"""Every CLI command documents itself: `--help` works, commands have a summary, options have help."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from tests.test_readme import command_paths
from tracker.cli import cli

COMMANDS = command_paths(cli)


@pytest.mark.parametrize(("path", "command"), [pytest.param(p, c, id=" ".join(p)) for p, c in COMMANDS])
def test_help_of_every_command(path: tuple[str, ...], command: click.Command) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"], prog_name="tracker")
    assert result.exit_code == 0
    assert result.output.startswith(f"Usage: tracker {' '.join(path)} ")
    assert command.help and command.help.strip()
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{param.opts} has no help text"


def test_every_group_has_help() -> None:
    assert cli.help
    for name, command in cli.commands.items():
        assert command.help or command.short_help, name


def test_short_help_flag() -> None:
    assert CliRunner().invoke(cli, ["-h"]).exit_code == 0


def test_python_m_tracker_help() -> None:
    result = subprocess.run([sys.executable, "-m", "tracker", "--help"], capture_output=True, text=True,
                            check=False, timeout=120)
    assert result.returncode == 0
    for path, _ in COMMANDS:
        assert path[0] in result.stdout
