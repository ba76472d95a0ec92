"""JSON Resume themes from npm: `resumed` renders the theme's HTML, Chromium prints it."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from tests.layouts.engines import NODE_PREFIX, node_package, print_html_to_pdf, run
from tests.layouts.factory import FictionalResume

# The npm packages scripts/install-layout-engines installs.
PACKAGES = (
    "resumed",
    "jsonresume-theme-even",
    "jsonresume-theme-elegant",
    "jsonresume-theme-flat",
    "jsonresume-theme-kendall",
    "jsonresume-theme-macchiato",
    "jsonresume-theme-stackoverflow",
)


def theme_input(resume: FictionalResume) -> dict[str, Any]:
    """JSON Resume, with each employer also under "company", the name older themes print."""
    data = resume.json_resume()
    for job in data["work"]:
        job["company"] = job["name"]
    return data


def theme_pdf(resume: FictionalResume, theme: str, out: Path) -> None:
    node_package(f"jsonresume-theme-{theme}")
    resumed = node_package("resumed") / "bin" / "resumed.js"
    with tempfile.TemporaryDirectory(prefix="layout-jsonresume-") as folder:
        work = Path(folder)
        source, page = work / "resume.json", work / "resume.html"
        source.write_text(json.dumps(theme_input(resume), ensure_ascii=False), encoding="utf-8")
        run(
            ["node", str(resumed), "render", str(source), "--theme",
             f"jsonresume-theme-{theme}", "--output", str(page)],
            cwd=NODE_PREFIX,
        )  # fmt: skip
        print_html_to_pdf(page.read_text(encoding="utf-8"), out)
