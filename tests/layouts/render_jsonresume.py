"""JSON Resume themes from npm: `resumed` renders the theme's HTML, Chromium prints it."""

from __future__ import annotations

import base64
import json
import tempfile
from pathlib import Path
from typing import Any

from tests.layouts.engines import NODE_PREFIX, node_package, print_html_to_pdf, run
from tests.layouts.factory import FictionalResume
from tests.layouts.images import portrait_png

# The npm packages scripts/install-layout-engines installs.
PACKAGES = (
    "resumed",
    "jsonresume-theme-even",
    "jsonresume-theme-elegant",
    "jsonresume-theme-flat",
    "jsonresume-theme-kendall",
    "jsonresume-theme-macchiato",
    "jsonresume-theme-stackoverflow",
    "jsonresume-theme-actual",
    "jsonresume-theme-caffeine",
    "jsonresume-theme-eloquent",
    "jsonresume-theme-onepage",
    "jsonresume-theme-paper",
)


def theme_input(resume: FictionalResume, *, photo: bool = False) -> dict[str, Any]:
    """JSON Resume, with each employer also under "company", the name older themes print.

    With `photo`, the portrait is given inline under both names themes read it from (a theme
    that always draws a picture prints its alt text when there is none)."""
    data = resume.json_resume()
    for job in data["work"]:
        job["company"] = job["name"]
    if photo:
        inline = "data:image/png;base64," + base64.b64encode(portrait_png(resume.seed)).decode()
        data["basics"]["image"] = data["basics"]["picture"] = inline
    return data


def theme_pdf(resume: FictionalResume, theme: str, out: Path, *, photo: bool = False) -> None:
    node_package(f"jsonresume-theme-{theme}")
    resumed = node_package("resumed") / "bin" / "resumed.js"
    with tempfile.TemporaryDirectory(prefix="layout-jsonresume-") as folder:
        work = Path(folder)
        source, page = work / "resume.json", work / "resume.html"
        data = theme_input(resume, photo=photo)
        source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        run(
            ["node", str(resumed), "render", str(source), "--theme",
             f"jsonresume-theme-{theme}", "--output", str(page)],
            cwd=NODE_PREFIX,
        )  # fmt: skip
        print_html_to_pdf(page.read_text(encoding="utf-8"), out)
