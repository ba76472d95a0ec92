"""Which language a résumé is written in, of those we print words in (en, de, fr, es, pt, it).

Read from the résumé's own text by counting function words, section-heading words and the
word endings each language is known by; a word several languages share counts for each of
them a share. No model and no network: it runs on every parse and every render.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

from resumeforge.resume.dates import fold_accents
from resumeforge.resume.schemas import Resume

ENGLISH = "en"
LANGUAGES = ("en", "de", "fr", "es", "pt", "it")

# Function words and the words headings and dates are made of, in each language.
_WORDS: dict[str, str] = {
    "en": (
        "the and of to in for with on at by from as is was were my our i an this that "
        "experience education skills summary profile present current university work "
        "employment projects languages interests references awards certifications "
        "managed developed led team years responsible including"
    ),
    "de": (
        "und der die das mit für von bei den dem des ein eine einer eines im zur zum als auf "
        "ist sowie oder nach über durch berufserfahrung ausbildung kenntnisse fähigkeiten "
        "sprachen heute seit bis studium universität hochschule gmbh verantwortlich "
        "entwicklung berufliche werdegang persönliche daten praktikum schule"
    ),
    "fr": (
        "et le la les des du une un pour avec dans sur au aux en est par ou expérience "
        "expériences formation compétences langues professionnelle professionnelles "
        "université depuis aujourd'hui cours gestion développement équipe stage "
        "centres intérêt diplôme école"
    ),
    "es": (
        "y el la los las del de con para en por una un como o experiencia educación "
        "formación habilidades idiomas actualidad actual universidad desarrollo gestión "
        "equipo laboral profesional académica conocimientos sobre mí"
    ),
    "pt": (
        "e o a os as do da dos das de com para em no na nos nas um uma como ou experiência "
        "educação formação competências habilidades idiomas atual atualmente universidade "
        "desenvolvimento gestão equipe equipa profissional acadêmica académica "
        "conhecimentos sobre mim"
    ),
    "it": (
        "e il lo la gli le di del della dei delle con per in un una come o esperienza "
        "esperienze istruzione formazione competenze lingue presente oggi università "
        "sviluppo gestione lavorativa professionale conoscenze corso"
    ),
}
# Endings only one language's words have: "gestão", "gestión", "gestione", "Leitung".
_ENDINGS: dict[str, tuple[str, ...]] = {
    "de": ("ung", "ungen", "keit", "heit", "schaft"),
    "fr": ("tion", "tions", "ement", "é", "ée", "ées"),
    "es": ("ción", "ciones", "dad", "idad"),
    "pt": ("ção", "ções", "dade", "ão"),
    "it": ("zione", "zioni", "ità", "mente"),
    "en": ("ing", "ed", "tion", "tions"),
}
_ANY_ENDING = tuple(ending for endings in _ENDINGS.values() for ending in endings)
# Open ends as a résumé (or its parser) may store them, in any of the languages above.
OPEN_END_WORDS = frozenset(
    {
        "present", "current", "now", "today", "ongoing", "to date",
        "heute", "bis heute", "aktuell", "derzeit", "laufend",
        "aujourd'hui", "présent", "en cours", "actuel", "à ce jour",
        "actualidad", "actual", "presente", "la fecha", "hoy",
        "atual", "atualmente", "o presente", "hoje",
        "oggi", "in corso", "attuale",
    }
)  # fmt: skip

# Fewer scored words than this is too little to tell: the default stands.
MIN_EVIDENCE = 3.0
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def _shares() -> dict[str, dict[str, float]]:
    """For each word, the languages it belongs to, each with an equal share of one vote."""
    owners: dict[str, list[str]] = {}
    for language, words in _WORDS.items():
        for word in words.split():
            owners.setdefault(word, []).append(language)
    return {word: {lang: 1 / len(langs) for lang in langs} for word, langs in owners.items()}


_WORD_SHARES = _shares()


def language_scores(text: str) -> dict[str, float]:
    """How much of `text` reads as each language."""
    scores: dict[str, float] = defaultdict(float)
    for token in _TOKEN.findall(unicodedata.normalize("NFC", text).casefold()):
        for language, share in _VOTES[token]:
            scores[language] += share
    return scores


class _TokenVotes(dict[str, tuple[tuple[str, float], ...]]):
    """Each token's votes (language, share), in the order they are added up, worked out the
    first time a text holds it: a résumé repeats its words, and every parse and render reads
    the language of a whole one."""

    def __missing__(self, token: str) -> tuple[tuple[str, float], ...]:
        votes: tuple[tuple[str, float], ...] = ()
        if token in _WORD_SHARES:
            votes = tuple(_WORD_SHARES[token].items())
        # Most words have none of the endings: one test, not one a language.
        elif len(token) > 4 and token.endswith(_ANY_ENDING):
            owners = [lang for lang, ends in _ENDINGS.items() if token.endswith(ends)]
            votes = tuple((language, 0.5 / len(owners)) for language in owners)
        if len(self) < _TOKENS_KEPT:  # a text of ever new words must not grow it forever
            self[token] = votes
        return votes


_TOKENS_KEPT = 50_000
_VOTES = _TokenVotes()


def detect_language(text: str) -> str:
    """'en', 'de', 'fr', 'es', 'pt' or 'it'; '' when the text gives too little to tell."""
    scores = language_scores(text)
    if not scores:
        return ""
    language, score = max(scores.items(), key=lambda scored: scored[1])
    return language if score >= MIN_EVIDENCE else ""


def resume_language(resume: Resume) -> str:
    """The language a résumé declares in `meta.language`, else the one its text is in, else
    English (the renderer's words must be in some language)."""
    declared = resume.meta.language.casefold()
    if declared in LANGUAGES:
        return declared
    text = resume.meta.source_text or "\n".join(_prose(resume))
    return detect_language(text) or ENGLISH


def _prose(resume: Resume) -> Iterable[str]:
    """The words a person wrote: headings and text fields, not addresses or dates."""
    yield from (section.heading for section in resume.meta.sections)
    yield resume.basics.label
    yield resume.basics.summary
    for job in resume.work:
        yield from (job.position, job.summary, *job.highlights)
    for school in resume.education:
        yield from (school.studyType, school.area)
    for project in resume.projects:
        yield from (project.description, *project.highlights)
    for skill in resume.skills:
        yield skill.name
    for spoken in resume.languages:
        yield from (spoken.language, spoken.fluency)


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
# Each common word's languages, in the order above.
_COMMON_LANGUAGES: dict[str, tuple[str, ...]] = {
    word: tuple(language for language, common in _COMMON_WORDS.items() if word in common)
    for words in _COMMON_WORDS.values()
    for word in words
}
# Below this share of a text's words, none of the six languages is its language.
_KNOWN_SHARE_AT_LEAST = 0.04
_WORD_RE = re.compile(r"[^\W\d_]+")


def vocabulary_language(text: str) -> str:
    """Which of the languages the section vocabulary knows `text` is written in, from its
    commonest short words: 'en', 'de', 'fr', 'es', 'pt' or 'it'; '' when it is in none of them
    (the parse then says so)."""
    # Each word once, with its count, in the order it first appears: the languages are
    # counted up, and first met, as they would be word by word.
    words = Counter(_WORD_RE.findall(text.casefold()))
    total = sum(words.values())
    if total < 20:
        return ""
    scores: Counter[str] = Counter()
    for word, count in words.items():
        for language in _COMMON_LANGUAGES.get(fold_accents(word), ()):
            scores[language] += count
    if not scores:
        return ""
    language, hits = scores.most_common(1)[0]
    return language if hits / total >= _KNOWN_SHARE_AT_LEAST else ""
