"""Which of the supported languages a text is written in, and that language's function words.

Function words come from the stopwords-iso collection (the `stopwordsiso` package): a
maintained open list per language, which is also what tells the languages apart here, by the
share of a text's words each list claims.
"""

from __future__ import annotations

import re
from functools import lru_cache

import stopwordsiso

from resumeforge.ai.keywords import normalise

SUPPORTED_LANGUAGES = ("en", "de", "fr", "es", "pt", "it")
DEFAULT_LANGUAGE = "en"
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# Words every list shares ("a", "e", "o", "de") say nothing about which language it is.
_MIN_SHARE_LEAD = 0.01


@lru_cache(maxsize=len(SUPPORTED_LANGUAGES))
def _stopwords(language: str) -> frozenset[str]:
    return frozenset(normalise(word) for word in stopwordsiso.stopwords(language))


@lru_cache(maxsize=1)
def _distinctive() -> dict[str, frozenset[str]]:
    """Each language's function words that no other supported language also lists."""
    lists = {language: _stopwords(language) for language in SUPPORTED_LANGUAGES}
    return {
        language: words - frozenset().union(*(w for other, w in lists.items() if other != language))
        for language, words in lists.items()
    }


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the supported language `text` is in; English when unsure."""
    tokens = _WORD.findall(normalise(text))[:4000]
    if not tokens:
        return DEFAULT_LANGUAGE
    distinctive = _distinctive()
    shares = {
        language: sum(token in words for token in tokens) / len(tokens)
        for language, words in distinctive.items()
    }
    best = max(shares, key=lambda language: shares[language])
    runner_up = max(share for language, share in shares.items() if language != best)
    return best if shares[best] - runner_up >= _MIN_SHARE_LEAD else DEFAULT_LANGUAGE


def ad_language(job_text: str) -> str:
    return detect_language(job_text)


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """The function words of every supported language, less any that name a known skill."""
    from resumeforge.ai.keywords import skill_words

    words = frozenset().union(*(_stopwords(language) for language in SUPPORTED_LANGUAGES))
    return words - skill_words()
