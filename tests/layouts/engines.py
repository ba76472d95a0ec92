"""The outside programs the layout families render with, and how to tell when one is missing.

Chromium prints HTML to PDF, LibreOffice converts HTML and ODT, pdflatex compiles TeX, and
Node runs the JSON Resume themes installed by `scripts/install-layout-engines` into
`.data/layout-engines/`. Each call has a generous time limit so a stuck engine fails the
build instead of hanging it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NODE_PREFIX = ROOT / ".data" / "layout-engines"
ENGINE_TIMEOUT = 180.0

# Themes load fonts and stylesheets from other hosts; nothing is fetched while printing, so
# those references are removed and the page falls back to the installed fonts.
_REMOTE_LINK_RE = re.compile(r"<link\b[^>]*\bhref=[\"']?(?:https?:)?//[^>]*>", re.IGNORECASE)
_REMOTE_SCRIPT_RE = re.compile(
    r"<script\b[^>]*\bsrc=[\"']?(?:https?:)?//[^>]*>\s*</script>", re.IGNORECASE
)
_REMOTE_IMPORT_RE = re.compile(r"@import\s+url\([^)]*//[^)]*\)\s*;?", re.IGNORECASE)
_REMOTE_URL_RE = re.compile(r"url\(\s*[\"']?(?:https?:)?//[^)]*\)", re.IGNORECASE)
_REMOTE_IMG_RE = re.compile(r"<img\b[^>]*\bsrc=[\"']?(?:https?:)?//[^>]*>", re.IGNORECASE)


class EngineMissing(RuntimeError):
    """An engine a family needs is not installed; the message says how to install it."""


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    raise EngineMissing("chromium is not installed (scripts/install-system-deps installs it)")


def soffice() -> str:
    for name in ("soffice", "libreoffice"):
        if found := shutil.which(name):
            return found
    raise EngineMissing(
        "LibreOffice is not installed (scripts/install-system-deps installs libreoffice-writer)"
    )


def pdflatex() -> str:
    if found := shutil.which("pdflatex"):
        return found
    raise EngineMissing("pdflatex is not installed (scripts/install-system-deps installs TeX Live)")


def node_package(name: str) -> Path:
    """The folder of an npm package installed for the layouts."""
    folder = NODE_PREFIX / "node_modules" / name
    if not folder.is_dir() or not shutil.which("node"):
        raise EngineMissing(f"{name} is not installed: run scripts/install-layout-engines")
    return folder


def offline_html(html: str) -> str:
    """The page without references to other hosts."""
    for pattern in (_REMOTE_LINK_RE, _REMOTE_SCRIPT_RE, _REMOTE_IMPORT_RE, _REMOTE_IMG_RE):
        html = pattern.sub("", html)
    return _REMOTE_URL_RE.sub("none", html)


def run(command: list[str], *, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run an engine; a failure raises with the end of what it printed."""
    done = subprocess.run(
        command,
        cwd=cwd,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=ENGINE_TIMEOUT,
        check=False,
    )
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip()[-1500:]
        raise RuntimeError(f"{Path(command[0]).name} failed ({done.returncode}): {said}")
    return done


def print_html_to_pdf(html: str, out: Path, *, assets: dict[str, bytes] | None = None) -> None:
    """Chromium, headless and with a fresh profile, prints the page to `out`."""
    browser = chromium()
    with tempfile.TemporaryDirectory(prefix="layout-html-") as folder:
        work = Path(folder)
        for name, content in (assets or {}).items():
            (work / name).write_bytes(content)
        page = work / "page.html"
        page.write_text(offline_html(html), encoding="utf-8")
        run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                f"--user-data-dir={work / 'profile'}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={out}",
                page.as_uri(),
            ]
        )
    if not out.exists() or out.stat().st_size == 0:
        raise RuntimeError(f"chromium printed no PDF for {out.name}")


def libreoffice_convert(
    source: Path, target: str, out_dir: Path, *, input_filter: str = ""
) -> Path:
    """LibreOffice converts `source` ("pdf", "docx", "odt" filters) into `out_dir`."""
    office = soffice()
    out_dir.mkdir(parents=True, exist_ok=True)
    reading = [f"--infilter={input_filter}"] if input_filter else []
    with tempfile.TemporaryDirectory(prefix="layout-lo-") as profile:
        run(
            [
                office,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--norestore",
                *reading,
                "--convert-to",
                target,
                "--outdir",
                str(out_dir),
                str(source),
            ]
        )
    produced = out_dir / f"{source.stem}.{target.split(':')[0]}"
    if not produced.exists():
        raise RuntimeError(f"LibreOffice wrote no {target} for {source.name}")
    return produced


def compile_latex(tex: str, out: Path, *, inputs: dict[str, str] | None = None) -> None:
    """pdflatex in a scratch folder; `inputs` are further .tex files the document reads."""
    compiler = pdflatex()
    with tempfile.TemporaryDirectory(prefix="layout-tex-") as folder:
        work = Path(folder)
        for name, text in (inputs or {}).items():
            (work / f"{name}.tex").write_text(text, encoding="utf-8")
        (work / "resume.tex").write_text(tex, encoding="utf-8")
        run([compiler, "-interaction=nonstopmode", "-halt-on-error", "resume.tex"], cwd=work)
        shutil.copyfile(work / "resume.pdf", out)
