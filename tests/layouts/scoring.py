"""Field accuracy of a parse against a truth file, by the rules of the shared `parse_eval.py`.

The same comparisons as `../shared/tools/parse_eval.py` (name, e-mail and phone exactly,
headings by fuzzy match, jobs and schools by their best-matching parsed entry, skills by a
sample of keywords), as project code, so generated families are scored without ../shared and
the suite's gate and the shared tool agree on every figure.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

FIELDS = ("name", "email", "phone", "sections", "experience", "education", "skills")
PRESENT = {"present", "current", "now", "today", "ongoing", ""}

Scores = dict[str, float | None]


def norm(text: object) -> str:
    text = unicodedata.normalize("NFKC", str(text or "")).casefold()
    text = re.sub(r"[^\w@.+#]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def similar(a: object, b: object, at: float = 0.85) -> bool:
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    if a == b or (len(a) >= 4 and a in b) or (len(b) >= 4 and b in a):
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= at


def digits(text: object) -> str:
    return re.sub(r"\D", "", str(text or ""))


def year(text: object) -> str | None:
    found = re.findall(r"(?:19|20)\d\d", str(text or ""))
    return found[0] if found else None


def is_present(text: object) -> bool:
    return norm(text) in PRESENT


def score_document(truth: dict[str, Any], got: dict[str, Any]) -> Scores:
    """Each field's score in [0, 1], or None when the truth has nothing to compare."""
    basics = got.get("basics") or {}
    return {
        "name": _score_name(truth, basics),
        "email": _score_email(truth, basics),
        "phone": _score_phone(truth, basics),
        "sections": _score_sections(truth, got),
        "experience": _entries(truth.get("experience") or [], _dicts(got.get("work")), work_fields),
        "education": _entries(
            truth.get("education") or [], _dicts(got.get("education")), education_fields
        ),
        "skills": _score_skills(truth, got),
    }


def _dicts(items: object) -> list[dict[str, Any]]:
    return [item for item in items or [] if isinstance(item, dict)]  # type: ignore[attr-defined]


def _score_name(truth: dict[str, Any], basics: dict[str, Any]) -> float | None:
    if not truth.get("name"):
        return None
    return float(norm(truth["name"]) == norm(basics.get("name")))


def _score_email(truth: dict[str, Any], basics: dict[str, Any]) -> float | None:
    if not truth.get("email"):
        return None
    want = str(truth["email"]).strip().casefold()
    return float(want == str(basics.get("email") or "").strip().casefold())


def _score_phone(truth: dict[str, Any], basics: dict[str, Any]) -> float | None:
    if not truth.get("phone"):
        return None
    want, have = digits(truth["phone"]), digits(basics.get("phone"))
    return float(len(have) >= 7 and (want.endswith(have) or have.endswith(want)))


def _score_sections(truth: dict[str, Any], got: dict[str, Any]) -> float | None:
    wanted = truth.get("sections") or []
    if not wanted:
        return None
    headings = [s.get("heading", "") for s in _dicts((got.get("meta") or {}).get("sections"))]
    found = sum(any(similar(w, h, 0.9) for h in headings) for w in wanted)
    return found / len(wanted)


def _score_skills(truth: dict[str, Any], got: dict[str, Any]) -> float | None:
    wanted = truth.get("skills_sample") or []
    if not wanted:
        return None
    bag = " | ".join(
        norm(s.get("name")) + " " + " ".join(norm(k) for k in s.get("keywords") or [])
        for s in _dicts(got.get("skills"))
    )
    return sum(norm(s) in bag for s in wanted) / len(wanted)


def work_fields(want: dict[str, Any], have: dict[str, Any]) -> tuple[int, int]:
    checks = []
    if want.get("organization"):
        checks.append(similar(want["organization"], have.get("name") or have.get("company")))
    if want.get("title"):
        checks.append(similar(want["title"], have.get("position")))
    if want.get("start") and year(want["start"]):
        checks.append(year(want["start"]) == year(have.get("startDate")))
    if want.get("end"):
        if is_present(want["end"]):
            checks.append(is_present(have.get("endDate")) or not have.get("endDate"))
        elif year(want["end"]):
            checks.append(year(want["end"]) == year(have.get("endDate")))
    return sum(checks), len(checks)


def education_fields(want: dict[str, Any], have: dict[str, Any]) -> tuple[int, int]:
    checks = []
    if want.get("institution"):
        checks.append(similar(want["institution"], have.get("institution")))
    if want.get("degree"):
        whole = f"{have.get('studyType') or ''} {have.get('area') or ''}"
        checks.append(similar(want["degree"], whole, 0.8))
    return sum(checks), len(checks)


FieldCheck = Callable[[dict[str, Any], dict[str, Any]], tuple[int, int]]


def _entries(
    wanted: list[dict[str, Any]], have: list[dict[str, Any]], fields: FieldCheck
) -> float | None:
    """Each wanted entry is credited with its best-matching parsed entry's checks."""
    total = matched = 0
    for want in wanted:
        best, count = 0, 0
        for candidate in have:
            ok, count = fields(want, candidate)
            best = max(best, ok)
        if not have:
            _, count = fields(want, {})
        matched += best
        total += count
    return None if total == 0 else matched / total


@dataclass(slots=True)
class Tally:
    """Field means over many documents and the overall figure, as parse_eval prints them."""

    sums: dict[str, list[float]] = field(default_factory=lambda: {f: [0.0, 0] for f in FIELDS})
    documents: int = 0

    def add(self, scores: Scores) -> None:
        self.documents += 1
        for name in FIELDS:
            value = scores.get(name)
            if value is not None:
                self.sums[name][0] += value
                self.sums[name][1] += 1

    def extend(self, many: Iterable[Scores]) -> Tally:
        for scores in many:
            self.add(scores)
        return self

    def mean(self, name: str) -> float | None:
        total, count = self.sums[name]
        return total / count if count else None

    @property
    def overall(self) -> float:
        """The mean of the field means (fields no document could score are left out)."""
        means = [m for m in (self.mean(f) for f in FIELDS) if m is not None]
        return sum(means) / len(means) if means else 0.0
