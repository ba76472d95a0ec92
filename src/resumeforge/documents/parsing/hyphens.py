"""A hyphen that ends a printed line: a break inside one word ("docu-⏎mentation"), or the
hyphen of a compound that happens to fall there ("multi-⏎account", "FinTech-⏎Unternehmen").

The PDF does not say which: TeX and Word print both as the same "-". Word lists do: those of
the `wordfreq` package, in the six languages we read, know "documentation" and "framework"
but not "multiaccount" or "highfidelity".
"""

from __future__ import annotations

import re
from functools import lru_cache

from resumeforge.resume.language import detect_language

WORD_LIST_LANGUAGES = ("en", "de", "fr", "es", "pt", "it")
# PDFium's mark, in its page text, for a hyphen that ends a line whose word goes on on the
# next: "multi\ufffeaccount", the two lines' letters one word (cleaning drops the mark).
LINE_END_HYPHEN = "\ufffe"
_BROKEN_WORD = re.compile(rf"([^\W\d_]+){LINE_END_HYPHEN}([^\W\d_]+)")


def keeps_hyphen(left: str, right: str, *, language: str) -> bool:
    """Whether `left` + "-" + `right`, broken over two lines at the hyphen, is written with it.

    A known word joined is one word broken ("frame-work"). A capital after the hyphen starts
    a German noun ("Software-Produkten") or a name ("Moreau-Laval"), unless the two make a
    name English writes as one ("Solid-Works", "Share-Point"). Two known words that make no
    known one are a compound ("high-fidelity"); otherwise a part that is no word ("Rettungs-")
    is a break in a word the lists do not know, as is a lower-case part in German, whose
    nouns keep their capital after a hyphen.
    """
    joined = left + right
    if _is_known(joined, _common_words()):
        return False
    if right[:1].isupper():
        return language == "de" or not _is_known(joined, _english_names())
    if language == "de":
        return False
    return _is_known(left, _common_words()) and _is_known(right, _common_words())


def _is_known(word: str, words: frozenset[str]) -> bool:
    return word.lower() in words


def with_line_end_hyphens(text: str) -> str:
    """`text` (PDFium's page text) with each line-end hyphen mark that stands for a compound's
    hyphen made a "-"; the others stay marks, which cleaning drops, joining the word. Character
    for character: the page's character boxes are read by index."""
    if LINE_END_HYPHEN not in text:
        return text
    language = ""  # the page's, read once and only if a word needs it

    def resolved(match: re.Match[str]) -> str:
        nonlocal language
        left, right = match.groups()
        if _is_known(left + right, _common_words()):
            return match.group(0)
        language = language or detect_language(text)
        mark = "-" if keeps_hyphen(left, right, language=language) else LINE_END_HYPHEN
        return f"{left}{mark}{right}"

    return _BROKEN_WORD.sub(resolved, text)


def load_word_list() -> None:
    """Read the word lists now (a parse worker does, before it says it is ready), not at the
    first line-end hyphen."""
    _common_words()
    _english_names()


# Read on first use: most pages have no line-end hyphen, and importing and reading the lists
# takes a fifth of a second.
@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """The words of the small lists (about 25,000 a language) of the six languages."""
    return frozenset(w for language in WORD_LIST_LANGUAGES for w in _word_list(language, "small"))


# The large list's buckets are a centibel of frequency each, the commonest first: the first
# 700 are the words of a Zipf frequency of 2 or more (a hundred in a billion words).
COMMON_NAME_BUCKETS = 700


@lru_cache(maxsize=1)
def _english_names() -> frozenset[str]:
    """The words of the large English list that are not rare, which hold the products English
    writes as one word ("solidworks", "sharepoint", "postgresql", Zipf 2.2 to 2.8) but not the
    names hyphenated more often than not ("cocacola", "hewlettpackard", below 2)."""
    return frozenset(_word_list("en", "large", buckets=COMMON_NAME_BUCKETS))


def _word_list(language: str, size: str, *, buckets: int | None = None) -> list[str]:
    from wordfreq import get_frequency_list

    listed = get_frequency_list(language, wordlist=size)[:buckets]
    words = [word for bucket in listed for word in bucket]
    get_frequency_list.cache_clear()  # its own copy of the whole list is no longer needed
    return words
