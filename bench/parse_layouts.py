"""Parser accuracy per generated layout family beside the shared corpus, and word retention.

Run from the project root: .venv/bin/python bench/parse_layouts.py [--count N] [--family NAME]

Builds (or reads from its cache) the generated corpus of tests/layouts with N résumés per
family, parses every document as an upload, scores it against its truth by the rules of
../shared/tools/parse_eval.py, and measures the share of the original's words that reach the
PDF rendered from the parse. The shared corpus `resumes/` and `resumes-more/` are scored the
same way in the same run: they are the reference a generated figure is read against.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.corpus import CORPUS  # noqa: E402
from tests.layouts.build import BuiltFamily, build  # noqa: E402
from tests.layouts.families import FAMILIES, FAMILY_BY_NAME  # noqa: E402
from tests.layouts.retention import RETENTION_FLOOR, Retention, measure_retention  # noqa: E402
from tests.layouts.scoring import Scores, Tally, score_document  # noqa: E402

from resumeforge.documents.parsing import parse_document  # noqa: E402
from resumeforge.errors import ProblemError  # noqa: E402

BENCH_COUNT = 4
COLUMNS = ("name", "sections", "experience", "education", "skills")


@dataclass(slots=True)
class Group:
    """A row of the table: a family, a corpus folder, or a total over several of them."""

    label: str
    kind: str  # "tuned", "held-out", "corpus", "total"
    tally: Tally = field(default_factory=Tally)
    retentions: list[Retention] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)

    @property
    def worst_retention(self) -> Retention | None:
        return min(self.retentions, key=lambda r: r.share, default=None)

    def absorb(self, other: Group) -> None:
        for name, (total, count) in other.tally.sums.items():
            self.tally.sums[name][0] += total
            self.tally.sums[name][1] += count
        self.tally.documents += other.tally.documents
        self.retentions += other.retentions
        self.failures += other.failures
        self.pages += other.pages


def parse_as_upload(document: Path) -> dict[str, object]:
    parsed = parse_document(document.read_bytes(), filename=document.name)
    return parsed.resume.model_dump(mode="json")


def score_one(document: Path, truth: dict[str, object], group: Group) -> Scores | None:
    try:
        got = parse_as_upload(document)
    except ProblemError as error:
        group.failures.append(f"{document.name}: {error.detail}")
        got = {}
    scores = score_document(truth, got)
    group.tally.add(scores)
    try:
        group.retentions.append(measure_retention(document))
    except ProblemError as error:
        group.failures.append(f"{document.name} retention: {error.detail}")
    return scores


def family_group(built: BuiltFamily) -> Group:
    group = Group(built.family.name, "tuned" if built.family.tuned else "held-out")
    for document, truth in zip(built.documents, built.truths(), strict=True):
        score_one(document, truth, group)
        if truth.get("pages"):
            group.pages.append(int(truth["pages"]))
    return group


def corpus_groups(folder_name: str) -> tuple[Group, list[Group]]:
    """The folder's total and one row per document (for its retention)."""
    total = Group(f"corpus {folder_name}/", "corpus")
    rows: list[Group] = []
    folder = CORPUS / folder_name
    if not folder.is_dir():
        total.failures.append(f"no shared corpus at {folder}")
        return total, rows
    for document in sorted(folder.iterdir()):
        truth_file = document.with_suffix(".truth.json")
        if document.suffix.lower() not in {".pdf", ".docx"} or not truth_file.exists():
            continue
        row = Group(f"  {document.stem}", "corpus")
        score_one(document, json.loads(truth_file.read_text(encoding="utf-8")), row)
        rows.append(row)
        total.absorb(row)
    return total, rows


def fmt(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.2f}"


def print_row(group: Group) -> None:
    cells = " ".join(fmt(group.tally.mean(column)) for column in COLUMNS)
    worst = group.worst_retention
    retained = sum(r.kept for r in group.retentions) / max(
        1, sum(r.total for r in group.retentions)
    )
    low = f"{worst.share:6.1%}" if worst else "     -"
    kind = {"tuned": "T", "held-out": "H"}.get(group.kind, " ")
    pages = f"{min(group.pages)}-{max(group.pages)}" if group.pages else "-"
    print(
        f"{group.label[:30]:30} {kind} {group.tally.documents:3d} {pages:>5} {cells} "
        f"{group.tally.overall:7.3f} {retained:7.1%} {low:>7}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--count", type=int, default=BENCH_COUNT, help="résumés per family")
    parser.add_argument("--family", action="append", help="only these families")
    parser.add_argument("--verbose", action="store_true", help="print lost words and failures")
    args = parser.parse_args()

    families = [FAMILY_BY_NAME[n] for n in args.family] if args.family else list(FAMILIES)
    corpus = build(args.count, families=families)
    for built in (*corpus.missing, *corpus.failed):
        print(f"NOT BUILT {built.family.name}: {built.missing or built.error}")
    groups = [family_group(b) for b in corpus.families if not (b.missing or b.error)]
    shared, shared_rows = corpus_groups("resumes")
    more, more_rows = corpus_groups("resumes-more")

    print(
        f"{'family / document':30} ? {'n':>3} {'pages':>5} {'name':>5} {'sect.':>5} {'exper':>5} "
        f"{'educ.':>5} {'skill':>5} {'overall':>7} {'words':>7} {'lowest':>7}"
    )
    for group in groups:
        print_row(group)
    for total_row, rows in ((shared, shared_rows), (more, more_rows)):
        for row in rows:
            print_row(row)
        print_row(total_row)
    totals = []
    for kind in ("held-out", "tuned"):
        total = Group(f"generated, {kind}", "total")
        for group in groups:
            if group.kind == kind:
                total.absorb(group)
        totals.append(total)
    print("-" * 102)
    for total in (*totals, shared, more):
        print_row(total)
    print(
        f"families: {len(groups)} built ({sum(g.kind == 'held-out' for g in groups)} held out), "
        f"{len(corpus.missing) + len(corpus.failed)} not built; words = upload-to-PDF retention "
        f"(floor {RETENTION_FLOOR:.0%}), lowest = the worst document"
    )
    if args.verbose:
        for group in (*groups, *shared_rows, *more_rows):
            for failure in group.failures:
                print(f"FAILED {failure}")
            for retention in group.retentions:
                if retention.share < RETENTION_FLOOR:
                    print(f"LOST {retention.document} {retention.share:.1%}: {retention.lost}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
