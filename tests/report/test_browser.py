"""The report as a person sees it: index.html opened from disk in headless Chromium."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from tests.browser import headless_chromium
from tracker.report.build import ReportResult

pytestmark = pytest.mark.browser


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    """A headless Chromium driven by selenium, with a fresh profile and the console log recorded."""
    with headless_chromium(tmp_path / "chromium-profile", console_log=True) as driver:
        yield driver


def _distinct_colours(png: bytes) -> int:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return len(image.getcolors(maxcolors=1 << 24) or [])


def test_report_renders_in_chromium(seeds_report: ReportResult, browser: Any, tmp_path: Path) -> None:
    browser.get(seeds_report.path.as_uri())
    png = browser.get_screenshot_as_png()
    (tmp_path / "report.png").write_bytes(png)
    assert _distinct_colours(png) > 200, "the screenshot is (nearly) blank"
    body = browser.find_element("tag name", "body").text
    assert "Headline casualty figures" in body and "Provenance appendix" in body
    images = browser.execute_script(
        "return Array.from(document.images)"
        ".map(i => [i.getAttribute('src'), i.complete && i.naturalWidth > 0]);")
    assert images and all(loaded for _, loaded in images), images
    errors = [entry for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")]
    assert errors == []
