"""Which of the supported languages a text is written in, and that language's function words.

Function words come from the stopwords-iso collection (the `stopwordsiso` package): a
maintained open list per language, which is also what tells the languages apart here, by the
share of a text's words each list claims. A text's terms are cut at its own language's function
words only, and not at the nouns some lists hold (`vocabulary/content_words.txt`).
"""

from __future__ import annotations

import re
from functools import lru_cache

import stopwordsiso

from resumeforge.ai.keywords import normalise, vocabulary_lines

SUPPORTED_LANGUAGES = ("en", "de", "fr", "es", "pt", "it")
DEFAULT_LANGUAGE = "en"
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# Below this lead over the runner-up, as a share of the words, the text is too short to tell.
_MIN_SHARE_LEAD = 0.01


@lru_cache(maxsize=len(SUPPORTED_LANGUAGES))
def stopwords_of(language: str) -> frozenset[str]:
    """The stopwords-iso function words of `language`, normalised."""
    return frozenset(normalise(word) for word in stopwordsiso.stopwords(language))


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the supported language `text` is in; English when unsure.

    Each word votes for the languages whose function-word list holds it, a word that several
    lists share ("de", "a") splitting its vote among them.
    """
    tokens = _WORD.findall(normalise(text))[:4000]
    lists = {language: stopwords_of(language) for language in SUPPORTED_LANGUAGES}
    votes = dict.fromkeys(SUPPORTED_LANGUAGES, 0.0)
    for token in tokens:
        holders = [language for language, words in lists.items() if token in words]
        for language in holders:
            votes[language] += 1 / len(holders)
    best = max(votes, key=lambda language: votes[language])
    runner_up = max(vote for language, vote in votes.items() if language != best)
    lead = (votes[best] - runner_up) / len(tokens) if tokens else 0.0
    return best if lead >= _MIN_SHARE_LEAD else DEFAULT_LANGUAGE


def ad_language(job_text: str) -> str:
    return detect_language(job_text)


@lru_cache(maxsize=len(SUPPORTED_LANGUAGES) + 1)
def function_words(language: str) -> frozenset[str]:
    """The function words of `language` (English when it is not supported), less the nouns
    of `vocabulary/content_words.txt` and any word that names a known skill.

    An English text's are English only: German "allen" and "die" are words of an English ad's
    terms ("Allen Bradley PLCs", "die casting"). Another language's take in English's too, as
    its ads write in English as well ("Erfahrung mit Python, experience in the cloud").
    """
    from resumeforge.ai.keywords import skill_words

    supported = language if language in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE
    words = _own_function_words(supported)
    if supported != DEFAULT_LANGUAGE:
        words |= _own_function_words(DEFAULT_LANGUAGE)
    return words - skill_words()


def _own_function_words(language: str) -> frozenset[str]:
    return stopwords_of(language) - content_words_of(language)


@lru_cache(maxsize=len(SUPPORTED_LANGUAGES) + 1)
def content_words_of(language: str) -> frozenset[str]:
    """The nouns the stopwords-iso list of `language` holds that terms are made of, from
    `vocabulary/content_words.txt`: no function words, though the list has them."""
    words: set[str] = set()
    for line in vocabulary_lines("content_words.txt"):
        code, _, listed = line.partition(":")
        if code.strip() == language:
            words.update(normalise(word) for word in listed.split())
    return frozenset(words)
