"""notebooks/explore.ipynb: committed without outputs, and it runs top to bottom against a seeds store."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from tests.report.conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


def test_committed_notebook_has_no_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    dirty = [i for i, cell in enumerate(notebook.cells)
             if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)]
    assert dirty == [], f"cells with outputs: {dirty} (clear them before committing)"


def test_notebook_runs_top_to_bottom(seeds_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nbclient import NotebookClient

    monkeypatch.setenv("TRACKER_DB", seeds_db)
    monkeypatch.delenv("MPLBACKEND", raising=False)  # the inline backend shows the chart as image/png
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(notebook, timeout=180, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert f"{seeds_db}: 5 documents" in text
    assert "826" in text
    assert any("image/png" in o.get("data", {}) for o in outputs)
