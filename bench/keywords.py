"""Job keywords against recruiter-labelled screening terms, per ad and overall.

Scores the offline job analysis on every `<ad>.txt` beside a `<ad>.keywords.json` in the
shared corpus, as `KEYWORDS.md` there says: an extracted term matches a gold term when they
are equal or, the gold term having 4+ characters, one contains the other. Precision is the
share of extracted terms matching a `must` or `nice` term; must-recall the share of `must`
terms matched; recall the share of `must` and `nice` terms matched. The reference, scored in
the same run, is the vocabulary alone (every known skill the ad names).

    .venv/bin/python bench/keywords.py [FOLDER]
"""

from __future__ import annotations

import json
import statistics
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from resumeforge.ai.jobs_analysis import analyze_job_offline
from resumeforge.ai.keywords import find_skills

CORPUS_JOBS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "jobs"


@dataclass
class Score:
    precision: float
    must_recall: float
    recall: float
    extracted: int
    false_positives: list[str]
    missed: list[str]


def _collapsed(text: str) -> str:
    return " ".join(text.lower().split())


def _matches(extracted: str, gold: str) -> bool:
    if extracted == gold:
        return True
    return len(gold) >= 4 and (extracted in gold or gold in extracted)


def score(extracted: list[str], must: list[str], nice: list[str]) -> Score:
    terms = [_collapsed(term) for term in extracted]
    must_gold = [_collapsed(term) for term in must]
    all_gold = must_gold + [_collapsed(term) for term in nice]
    hits = [term for term in terms if any(_matches(term, gold) for gold in all_gold)]
    wrong = [term for term in terms if term not in hits]

    def recalled(gold_terms: list[str]) -> float:
        found = [g for g in gold_terms if any(_matches(term, g) for term in terms)]
        return len(found) / len(gold_terms) if gold_terms else 1.0

    return Score(
        precision=len(hits) / len(terms) if terms else 0.0,
        must_recall=recalled(must_gold),
        recall=recalled(all_gold),
        extracted=len(terms),
        false_positives=wrong,
        missed=[g for g in must_gold if not any(_matches(term, g) for term in terms)],
    )


def offline_keywords(job_text: str) -> list[str]:
    return analyze_job_offline(job_text).keywords


def vocabulary_only(job_text: str) -> list[str]:
    return find_skills(job_text)


EXTRACTORS: dict[str, Callable[[str], list[str]]] = {
    "offline": offline_keywords,
    "vocabulary only": vocabulary_only,
}


def main() -> None:
    folders = [arg for arg in sys.argv[1:] if not arg.startswith("-")]
    folder = Path(folders[0]) if folders else CORPUS_JOBS
    gold_files = sorted(folder.glob("*.keywords.json"))
    if not gold_files:
        sys.exit(f"no labelled ads (*.keywords.json) in {folder}")
    table = Table(title=f"Job keywords against {len(gold_files)} labelled ads")
    for column in ("ad", "extractor", "terms", "precision", "must-recall", "recall"):
        table.add_column(column, justify="left" if column in {"ad", "extractor"} else "right")
    totals: dict[str, list[Score]] = {name: [] for name in EXTRACTORS}
    misses: list[str] = []
    for gold_file in gold_files:
        gold = json.loads(gold_file.read_text("utf-8"))
        job_text = (folder / gold["job"]).read_text("utf-8")
        for name, extract in EXTRACTORS.items():
            result = score(extract(job_text), gold["must"], gold["nice"])
            totals[name].append(result)
            if name == "offline":
                table.add_row(gold["job"][:44], name, *_figures(result))
                misses.append(f"{gold['job'][:44]}: {', '.join(result.false_positives)}")
                misses.append(f"  missed: {', '.join(result.missed)}")
    for name, scores in totals.items():
        table.add_row(
            "[bold]macro average[/bold]",
            name,
            str(round(statistics.mean(s.extracted for s in scores), 1)),
            *(
                f"{statistics.mean(getattr(s, field) for s in scores):.3f}"
                for field in ("precision", "must_recall", "recall")
            ),
        )
    console = Console()
    console.print(table)
    if "-v" in sys.argv:
        console.print("\n".join(["terms matching no gold term, then must terms missed:", *misses]))


def _figures(result: Score) -> tuple[str, str, str, str]:
    return (
        str(result.extracted),
        f"{result.precision:.3f}",
        f"{result.must_recall:.3f}",
        f"{result.recall:.3f}",
    )


if __name__ == "__main__":
    main()
