"""Which of the languages the section vocabulary knows a résumé is written in, from its
commonest short words (the words every sentence needs, not the ones a field uses)."""

from __future__ import annotations

import re
from collections import Counter

from resumeforge.resume.dates import fold_accents

# Words frequent in running text and rare in the other five languages' text.
_COMMON_WORDS: dict[str, frozenset[str]] = {
    language: frozenset(words.split())
    for language, words in {
        "en": "the and of to in for with on at as from by an is was were our this that using"
        " led built developed managed designed",
        "de": "und der die das mit von fur im bei zur zum ein eine einer des den dem sowie auf"
        " als ich bis heute entwicklung kenntnisse",
        "fr": "et le la les des du une pour avec dans sur au aux en est par chez depuis"
        " developpement gestion",
        "es": "y el la los las del con para en por una un como desde sobre se mas"
        " desarrollo gestion",
        "pt": "e o os as do da dos das com para em um uma no na nos nas pelo pela desenvolvimento"
        " gestao ate",
        "it": "e il la lo gli le di del della dei delle con per in un una nel nella al alla"
        " presso sviluppo gestione",
    }.items()
}
# Below this share of a text's words, none of the six languages is its language.
_KNOWN_SHARE_AT_LEAST = 0.04
_WORD_RE = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str:
    """'en', 'de', 'fr', 'es', 'pt' or 'it'; '' when the text is in none of them."""
    words = [fold_accents(word) for word in _WORD_RE.findall(text.casefold())]
    if len(words) < 20:
        return ""
    scores: Counter[str] = Counter()
    for word in words:
        for language, common in _COMMON_WORDS.items():
            if word in common:
                scores[language] += 1
    if not scores:
        return ""
    language, hits = scores.most_common(1)[0]
    return language if hits / len(words) >= _KNOWN_SHARE_AT_LEAST else ""
