"""Whether a cover letter reads as something a person would send, sentence by sentence.

Runs on every letter, offline or from a model: each sentence starts with a capital letter and
ends with punctuation, has a verb, repeats no word twice in a row and no earlier sentence,
leaves no preposition dangling ("at I", "at ."), is not a date or a bullet fragment, and
states no fact the résumé does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from resumeforge.ai.grounding import SourceFacts, unsupported_facts
from resumeforge.ai.keywords import normalise, sentences, vocabulary_lines
from resumeforge.ai.language import SUPPORTED_LANGUAGES, detect_language
from resumeforge.ai.letter_highlights import MIN_REGULAR_VERB_LENGTH, letter_grammar
from resumeforge.resume.schemas import CoverLetter

MIN_SENTENCE_WORDS = 3


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    """Verbs without a regular ending, from `vocabulary/verbs.txt`, and those the offline
    letter turns résumé bullets with ("manage", "leitete")."""
    listed = frozenset(word for line in vocabulary_lines("verbs.txt") for word in line.split())
    grammars = [letter_grammar(language) for language in SUPPORTED_LANGUAGES]
    return listed.union(*(g.past_verbs | g.present_verbs for g in grammars))


_VERB_ENDING = re.compile(r"\w(?:ed|ing|ieren|iert|ado|ido|ando|endo|ato|ito)$", re.I)
_DOUBLED_WORD = re.compile(r"\b(\w+)\s+\1\b", re.I)
_PREPOSITIONS = (
    "at|in|for|with|of|to|as|from|on|by|into|bei|für|mit|von|zu|als|chez|pour|avec|dans|"
    "à|de|para|con|en|em|com|na|no|per|di|presso|da"
)
_DANGLING = re.compile(rf"\b(?:{_PREPOSITIONS})\s*(?:[.,;:!?]|$|\bI\b(?!')|\band\b)", re.I)
_FRAGMENT = re.compile(
    r"^[\W\d_]*$|^\s*[-•·▪●◦‣*]|^\W*\d{4}\W*(?:-|–|to)?\W*(?:\d{4}|present)?\W*$"
)
_STRAY_PUNCTUATION = re.compile(r"(?<!\.)\.\.(?!\.)|,,|\s[,.;:](?!\d)|[,;:]\s*[.!?]$")
# "…, my work included: 2015 - 2018." — dates left where the sentence's object should be.
_DATE_TAIL = re.compile(
    r"[:,]\s*(?:\d{4}|\d{1,2}/\d{4})(?:\s*(?:-|–|to)\s*(?:\d{4}|present))?\W*$", re.I
)
_CAPITAL_START = re.compile(r"^[\"'“‘(]*[A-ZÀ-ÖØ-Þ]")
_END_PUNCTUATION = re.compile(r"[.!?][\"'”’)]*$")


@dataclass(frozen=True)
class LetterProblem:
    sentence: str
    problem: str

    def __str__(self) -> str:
        return f"{self.problem}: {self.sentence!r}"


def letter_problems(letter: CoverLetter, facts: SourceFacts) -> list[LetterProblem]:
    """What is wrong with the letter's body, greeting and signature; empty when it can be sent."""
    problems: list[LetterProblem] = []
    if not letter.paragraphs:
        problems.append(LetterProblem("", "the letter has no body"))
    if not letter.name.strip():
        problems.append(LetterProblem(letter.closing, "the letter is not signed with a name"))
    seen: set[str] = set()
    for paragraph in letter.paragraphs:
        for sentence in sentences(paragraph):
            problems += sentence_problems(sentence, facts)
            key = normalise(sentence)
            if key in seen:
                problems.append(LetterProblem(sentence, "the sentence is repeated"))
            seen.add(key)
    return problems


def sentence_problems(sentence: str, facts: SourceFacts) -> list[LetterProblem]:
    """Every rule `sentence` breaks."""
    found: list[str] = []
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", sentence)
    if _FRAGMENT.search(sentence) or len(words) < MIN_SENTENCE_WORDS:
        found.append("a fragment, not a sentence")
    if not _CAPITAL_START.match(sentence):
        found.append("does not start with a capital letter")
    if not _END_PUNCTUATION.search(sentence):
        found.append("does not end with punctuation")
    # "coordiné" is a verb in Spanish, where "Université" in French is not: a first-person past
    # ending counts in the sentence's own language only.
    endings = letter_grammar(detect_language(sentence)).past_endings
    if not any(_is_verb(word, endings) for word in words):
        found.append("has no verb")
    if doubled := _DOUBLED_WORD.search(sentence):
        found.append(f"repeats the word {doubled.group(1)!r}")
    if _DATE_TAIL.search(sentence):
        found.append("ends in a date fragment")
    if stray := _STRAY_PUNCTUATION.search(sentence):
        found.append(f"has stray punctuation ({stray.group(0).strip()!r})")
    if dangling := _DANGLING.search(sentence):
        found.append(f"leaves a preposition dangling ({dangling.group(0).strip()!r})")
    found += [
        f"states a {f.kind} the résumé does not ({f.value})"
        for f in unsupported_facts(sentence, facts)
    ]
    return [LetterProblem(sentence, problem) for problem in found]


def _is_verb(word: str, past_endings: tuple[str, ...]) -> bool:
    lowered = word.lower()
    past = len(lowered) >= MIN_REGULAR_VERB_LENGTH and lowered.endswith(past_endings)
    return lowered in _verbs() or past or bool(_VERB_ENDING.search(lowered))
