"""Build the generated layout corpus into `.data/layouts/`, cached by a hash of the generator.

`python -m tests.layouts.build [--count N]` (or `make corpus`) writes N résumés per family, each
`NN.pdf` or `NN.docx` beside `NN.truth.json`, and a `manifest.json` naming the families built
and those whose engine is missing. A rerun with the same generator and count reads the
manifest and renders nothing. Before a document is kept, its truth is checked against the text
an independent reader finds in it, so a truth file never claims what the page does not print.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile
import zlib
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from tests.layouts.engines import ROOT, EngineMissing
from tests.layouts.factory import FictionalResume, make_resume
from tests.layouts.families import FAMILIES, Family

OUT_ROOT = ROOT / ".data" / "layouts"
# What the generated documents depend on: this package and the project's own renderer.
SOURCES = (Path(__file__).parent, ROOT / "src" / "resumeforge" / "rendering")
TESTS_COUNT = 2  # résumés per family in `make test`; the bench builds more


@dataclass(slots=True)
class BuiltFamily:
    family: Family
    documents: list[Path] = field(default_factory=list)
    missing: str = ""  # why the family could not be built (an engine not installed)
    error: str = ""  # the generator failed: a bug to fix, never a reason to skip

    def truths(self) -> list[dict[str, Any]]:
        return [json.loads(truth_path(doc).read_text(encoding="utf-8")) for doc in self.documents]


@dataclass(slots=True)
class BuiltCorpus:
    folder: Path
    families: list[BuiltFamily]

    @property
    def missing(self) -> list[BuiltFamily]:
        return [built for built in self.families if built.missing]

    @property
    def failed(self) -> list[BuiltFamily]:
        return [built for built in self.families if built.error]


def truth_path(document: Path) -> Path:
    return document.with_suffix(".truth.json")


def generator_hash() -> str:
    digest = hashlib.sha256()
    for source in SOURCES:
        for path in sorted(source.rglob("*")):
            if path.is_file() and path.suffix in {".py", ".j2", ".typ", ".tex", ".json", ".toml"}:
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def seed_for(family: Family, index: int) -> int:
    """A seed fixed by the family's name and the document's number, not by list order."""
    return zlib.crc32(family.name.encode()) % 100_000 * 100 + index


def size_for(family: Family, index: int) -> str:
    return family.sizes[index % len(family.sizes)]


def build(count: int = TESTS_COUNT, *, families: Iterable[Family] = FAMILIES) -> BuiltCorpus:
    """The corpus of `count` documents per family, built now or read from the cache."""
    digest = generator_hash()
    folder = OUT_ROOT / f"{digest}-n{count}"
    chosen = list(families)
    # A build of as many documents or more holds these: document i is the same in both.
    for larger in _builds_of(digest, at_least=count):
        cached = _read_manifest(larger, larger / "manifest.json", chosen, count)
        if cached is not None:
            return cached
    folder.mkdir(parents=True, exist_ok=True)
    workers = max(1, min(2, os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        built = list(pool.map(lambda family: _build_family(folder, family, count), chosen))
    _write_manifest(folder / "manifest.json", built)
    _drop_stale_builds(keep=folder)
    return BuiltCorpus(folder, built)


def _build_family(folder: Path, family: Family, count: int) -> BuiltFamily:
    target = folder / family.name
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    built = BuiltFamily(family)
    for index in range(count):
        resume = make_resume(
            seed_for(family, index), scripts=family.scripts, size=size_for(family, index)
        )
        out = target / f"{index:02d}.{family.suffix}"
        try:
            rendered = family.render(resume, out)
        except EngineMissing as missing:
            shutil.rmtree(target, ignore_errors=True)
            return BuiltFamily(family, missing=str(missing))
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as failed:
            return BuiltFamily(family, error=f"{type(failed).__name__}: {failed}")
        truth = resume.truth(
            family=family.name,
            layout=family.layout,
            file_format=family.suffix,
            sections=rendered.sections,
        )
        if rendered.engine_dates:
            _dates_as_iso(truth, resume)
        if not rendered.phone_printed:
            truth["phone"] = ""
        truth["pages"] = page_count(out)
        try:
            check_truth_is_printed(truth, printed_text(out))
        except TruthNotPrinted as wrong:
            return BuiltFamily(family, error=str(wrong))
        truth_path(out).write_text(json.dumps(truth, ensure_ascii=False, indent=2), "utf-8")
        built.documents.append(out)
    return built


def _dates_as_iso(truth: dict[str, Any], resume: FictionalResume) -> None:
    """An engine that prints dates its own way: the truth gives them as ISO, open ends Present."""
    for entry, role in zip(truth["experience"], resume.roles, strict=True):
        entry["start"] = role.start.iso()
        entry["end"] = role.end.iso() if role.end else "Present"
        entry["dates"] = ""
    for entry in truth["education"]:
        entry["dates"] = ""


# --- the truth must be on the page ---------------------------------------------------------------


def printed_text(document: Path) -> str:
    """The document's text by a reader independent of the parser (PDFium's page text, DOCX XML)."""
    if document.suffix == ".pdf":
        pdf = pdfium.PdfDocument(document)
        try:
            return "\n".join(
                _page_text(document, number, page.get_textpage().get_text_range())
                for number, page in enumerate(pdf, start=1)
            )
        finally:
            pdf.close()
    with zipfile.ZipFile(document) as archive:
        parts = [n for n in archive.namelist() if _WORD_PART_RE.fullmatch(n)]
        return "\n".join(_docx_part_text(archive.read(n).decode("utf-8")) for n in sorted(parts))


def _page_text(document: Path, number: int, pdfium_text: str) -> str:
    """PDFium's page text, unless it lists one glyph a line: glyphs drawn one text object each
    (CSS letter-spacing in Chromium) come out so, with no spaces left to tell the words apart.
    Such a page is read by poppler's pdftotext, which groups glyphs into words by position."""
    lines = [line for line in pdfium_text.splitlines() if line.strip()]
    if len(lines) < 20 or sum(len(line.strip()) == 1 for line in lines) * 2 < len(lines):
        return pdfium_text
    command = ["pdftotext", "-f", str(number), "-l", str(number), str(document), "-"]
    return subprocess.run(command, capture_output=True, check=True, text=True).stdout


# The body, headers and footers of a Word document; text boxes live inside them.
_WORD_PART_RE = re.compile(r"word/(?:document|header\d*|footer\d*)\.xml")
# Only what Word shows: text runs, tabs, breaks and paragraph ends (a text box written twice,
# as a drawing and as its VML fallback, is read once).
_WORD_TEXT_RE = re.compile(
    r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>|<w:tab/>|<w:br/>|</w:p>|<w:txbxContent>"
)
_FALLBACK_RE = re.compile(r"<mc:Fallback>.*?</mc:Fallback>", re.DOTALL)


def _docx_part_text(xml: str) -> str:
    pieces = []
    for match in _WORD_TEXT_RE.finditer(_FALLBACK_RE.sub("", xml)):
        token = match.group(0)
        if match.group(1) is not None:
            pieces.append(html.unescape(match.group(1)))
        else:
            pieces.append("\t" if token == "<w:tab/>" else "\n")
    return "".join(pieces)


def page_count(document: Path) -> int | None:
    """Pages of a PDF; None for a DOCX, whose pages only a word processor's layout knows."""
    if document.suffix != ".pdf":
        return None
    pdf = pdfium.PdfDocument(document)
    try:
        return len(pdf)
    finally:
        pdf.close()


def _squeezed(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().replace("\u00ad", "-")
    text = text.replace("’", "'")  # word processors curl typed apostrophes
    return re.sub(r"[\s\u200b]+", "", text)


class TruthNotPrinted(AssertionError):
    """The truth names something the rendered document does not show: the truth would lie."""


_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", text).casefold())


def _same_word(wanted: str, seen: str) -> bool:
    # PDF text of right-to-left script may come out in visual order, letter by letter.
    return seen == wanted or (bool(_RTL.search(wanted)) and seen == wanted[::-1])


def _printed(item: str, page: str, page_words: list[str]) -> bool:
    """On the page as one run of text, or as its words in order (a layout may print a date
    or a line break between the words of a wrapped name)."""
    if _squeezed(item) in page:
        return True
    wanted, position = _words(item), 0
    for word in wanted:
        while position < len(page_words) and not _same_word(word, page_words[position]):
            position += 1
        if position == len(page_words):
            return False
        position += 1
    return bool(wanted)


def check_truth_is_printed(truth: dict[str, Any], text: str) -> None:
    page, page_words = _squeezed(text), _words(text)
    wanted = [truth["name"], truth["email"], *truth["sections"]]
    wanted += [e["organization"] for e in truth["experience"]]
    wanted += [e["title"] for e in truth["experience"]]
    wanted += [e["institution"] for e in truth["education"]]
    wanted += truth["skills_sample"]
    absent = [item for item in wanted if not _printed(item, page, page_words)]
    if absent:
        raise TruthNotPrinted(f"{truth['family']} seed {truth['seed']} does not print {absent}")


# --- the manifest -----------------------------------------------------------------------------


def _write_manifest(manifest: Path, built: list[BuiltFamily]) -> None:
    rows = {
        b.family.name: {"documents": [d.name for d in b.documents], "missing": b.missing}
        for b in built
        if not b.error  # built again next time
    }
    manifest.write_text(json.dumps(rows, indent=2), encoding="utf-8")


def _builds_of(digest: str, *, at_least: int) -> list[Path]:
    """Finished builds of this generator with at least `at_least` documents, smallest first."""
    found = []
    for folder in OUT_ROOT.glob(f"{digest}-n*"):
        count = folder.name.rsplit("-n", 1)[1]
        if count.isdigit() and int(count) >= at_least and (folder / "manifest.json").exists():
            found.append((int(count), folder))
    return [folder for _, folder in sorted(found)]


def _read_manifest(
    folder: Path, manifest: Path, chosen: list[Family], count: int
) -> BuiltCorpus | None:
    rows = json.loads(manifest.read_text(encoding="utf-8"))
    if any(family.name not in rows or rows[family.name]["missing"] for family in chosen):
        return None  # a family is new or its engine was missing last time: try again
    return BuiltCorpus(
        folder,
        [
            BuiltFamily(
                family, [folder / family.name / n for n in rows[family.name]["documents"][:count]]
            )
            for family in chosen
        ],
    )


def _drop_stale_builds(*, keep: Path) -> None:
    """Builds of an older generator are never read again."""
    prefix = keep.name.split("-n")[0]
    for other in OUT_ROOT.iterdir():
        if other.is_dir() and not other.name.startswith(prefix):
            shutil.rmtree(other, ignore_errors=True)


def corpus_for_tests(count: int = TESTS_COUNT) -> BuiltCorpus:
    """The corpus for a test: a family whose engine is missing skips it, and fails it under CI."""
    import pytest

    corpus = build(count)
    problems = [f"{b.family.name}: {b.error}" for b in corpus.failed]
    if problems:
        pytest.fail("the layout generator failed: " + "; ".join(problems))
    if corpus.missing:
        reasons = sorted({b.missing for b in corpus.missing})
        if os.environ.get("CI"):
            pytest.fail("CI must build every layout family: " + "; ".join(reasons))
        pytest.skip("layout engines missing: " + "; ".join(reasons))
    return corpus


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--count", type=int, default=TESTS_COUNT, help="résumés per family")
    args = parser.parse_args()
    corpus = build(args.count)
    for built in corpus.families:
        state = f"{len(built.documents)} documents"
        if built.missing or built.error:
            state = f"MISSING: {built.missing}" if built.missing else f"FAILED: {built.error}"
        print(f"{built.family.name:28} {built.family.engine:12} {state}")
    print(f"corpus in {corpus.folder}")
    return 1 if corpus.missing or corpus.failed else 0


if __name__ == "__main__":
    sys.exit(main())
