"""Degrees: which words name one, what level an education entry holds, what level an ad asks.

An ad's "Bachelor's degree" is answered by a résumé's "B.S. Computer Science" or "MEng": the
words differ, the level is what a recruiter reads.
"""

from __future__ import annotations

import re
from functools import lru_cache

from resumeforge.ai.keywords import normalise, vocabulary_lines
from resumeforge.resume.schemas import Resume

# Levels in order: an entry at a level answers an ask for it or any below it.
LEVELS = ("school", "bachelor", "master", "doctorate")
STUDENT_WORDS = frozenset(
    {"student", "candidate", "studentin", "étudiant", "étudiante", "estudiante", "estudante"}
    | {"studente", "studentessa"}
)


@lru_cache(maxsize=1)
def degree_words_by_level() -> dict[str, frozenset[str]]:
    """The words of `vocabulary/degree_words.txt`, by level."""
    table: dict[str, frozenset[str]] = {}
    for line in vocabulary_lines("degree_words.txt"):
        level, _, names = line.partition(":")
        table[level.strip()] = frozenset(name.strip() for name in names.split(",") if name.strip())
    return table


@lru_cache(maxsize=1)
def degree_words() -> frozenset[str]:
    return frozenset().union(*degree_words_by_level().values())


_DEGREE_WORD = re.compile(r"[^\W\d_]+(?:['.][^\W\d_]+)*\.?")


def degree_level(study_type: str) -> int:
    """The level (an index into `LEVELS`, -1 for none) of a degree an entry's type names; a
    student of one ("Master student") does not hold it yet."""
    found = [word.rstrip(".") for word in _DEGREE_WORD.findall(study_type.lower())]
    if any(word in STUDENT_WORDS for word in found):
        return -1
    named = set(found)
    levels = degree_words_by_level().items()
    return max((LEVELS.index(level) for level, words in levels if words & named), default=-1)


def held_degree(resume: Resume) -> str:
    """The type of the highest degree the résumé's education holds ("B.S.", "MEng"), empty for
    none."""
    held = [entry.studyType for entry in resume.education if degree_level(entry.studyType) >= 0]
    return max(held, key=degree_level, default="")


# An ad's bare ask for a level of degree, no subject named: "a degree", "Bachelor's Degree",
# "university degree", "MSc". "Degree in Finance" names a subject too: that is matched as words.
_DEGREE_ASK = re.compile(
    r"(?:an?\s+)?(?:(?:relevant|university|college|academic|undergraduate|honours|completed|"
    r"good|four-year|4-year)\s+)*"
    r"(?P<level>bachelor'?s?|master'?s?|postgraduate|doctoral|phd|ph\.d\.?|doctorate|bsc|msc)?"
    r"\s*(?P<degree>degree)?(?:\s+or\s+equivalent)?"
)
_ASKED_LEVELS = {"master": "master", "postgraduate": "master", "msc": "master"}
_ASKED_LEVELS |= {"doctoral": "doctorate", "phd": "doctorate", "doctorate": "doctorate"}


def degree_asked(keyword: str) -> int:
    """The level of degree `keyword` asks for, as an index into `LEVELS`, or -1 when it is not
    a bare degree ask."""
    match = _DEGREE_ASK.fullmatch(normalise(keyword))
    if not match or not (match.group("level") or match.group("degree")):
        return -1
    word = (match.group("level") or "").replace("'s", "").rstrip("s.").replace(".", "")
    return LEVELS.index(_ASKED_LEVELS.get(word, "bachelor"))
