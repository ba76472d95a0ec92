"""Words and skills in free text: normalising, tokenising, and finding the skills vocabulary.

Everything here is pure and deterministic; the offline provider, the match report and the
grounding check all see text through these functions so they agree on what a keyword is.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Words too common to be a keyword, from `vocabulary/stop_words.txt`."""
    return frozenset(vocabulary_lines("stop_words.txt"))


def vocabulary_lines(name: str) -> list[str]:
    """The lines of `vocabulary/<name>`, comments and blanks left out."""
    text = resources.files("resumeforge.ai").joinpath(f"vocabulary/{name}").read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


_WORD = re.compile(r"[a-z0-9][a-z0-9+#./&'-]*[a-z0-9+#]|[a-z0-9]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])|\n+|\s+[•·▪●◦‣∙]\s*")


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Lowercase, NFKC, unified dashes and quotes, single spaces: the form facts compare in."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[‐‑‒–—―−]", "-", text)
    text = re.sub(r"[‘’′`]", "'", text)
    text = re.sub(r"[“”″]", '"', text)
    return re.sub(r"\s+", " ", text).strip().lower()


def words(text: str) -> list[str]:
    """The normalised words of `text`, trailing punctuation removed."""
    return [word.rstrip(".'") or word for word in _WORD.findall(normalise(text))]


def content_words(text: str) -> list[str]:
    """Words worth matching on: no stop words, no lone digits."""
    return [w for w in words(text) if w not in stop_words() and not w.isdigit() and len(w) > 1]


def sentences(text: str) -> list[str]:
    """`text` split into sentences and bullet lines, stripped, empties dropped."""
    parts = _SENTENCE_END.split(text.strip())
    return [part.strip(" -•\t") for part in parts if part and part.strip(" -•\t")]


@dataclass(frozen=True)
class SkillTerm:
    canonical: str
    pattern: re.Pattern[str]


def _term_pattern(aliases: list[str]) -> re.Pattern[str]:
    # Word edges that tolerate symbols inside names such as "c++", "ci/cd" or "node.js".
    # "design system" is also written "design-system", "on-call" "on call" or "oncall".
    spellings = [
        re.escape(alias).replace(r"\ ", r"[\s-]").replace(r"\-", r"[\s-]?")
        for alias in sorted(aliases, key=len, reverse=True)
    ]
    forms = [form for alias in aliases for form in phrase_forms(alias)]
    alternatives = "|".join([*spellings, *forms])
    return re.compile(rf"(?<![a-z0-9+#]){'(?:' + alternatives + ')'}(?![a-z0-9+#]|\.[a-z])")


# "stakeholder management" is also "managing stakeholders" and "management of stakeholders";
# "data analysis" is "analysed data". Between the verb and its object only a word that
# says which or how many: "managed AWS accounts" is not account management.
_HEAD_VERBS = {"management": r"manag(?:e|es|ed|ing)", "analysis": r"analy[sz](?:e|es|ed|ing)"}
_WHICH = (
    r"(?:(?:the|a|an|all|our|their|multiple|several|many|various|key|major|internal|external|"
    r"senior|client|customer|large|complex|\d+\+?)\s+)?"
)
_HEAD_LAST = re.compile(r"(?P<object>[a-z][a-z]+(?: [a-z][a-z]+)?) (?P<head>management|analysis)")


def is_verb_form(written: str) -> bool:
    """Whether `written` names a skill by saying what was done ("Managed 4 projects"): true of
    a bullet, but no skill's name to print in a list."""
    return _DEED.match(normalise(written)) is not None


_DEED = re.compile(r"(?:manag|analy[sz])(?:e|es|ed|ing)\b|(?:management|analysis) of\b")


def phrase_forms(phrase: str) -> list[str]:
    """Patterns for the other ways a normalised "<object> management" or "<object> analysis"
    phrase is written: the verb before its object (singular or plural), or "… of <object>"."""
    match = _HEAD_LAST.fullmatch(phrase)
    if not match:
        return []
    head, obj = match.group("head"), re.escape(match.group("object")).replace(r"\ ", r"\s+")
    # A plural object ends the phrase; a singular one may be the first word of a longer
    # name ("managed the data team"), so something other than a noun must follow it.
    plural = rf"{obj[:-1]}ies" if obj.endswith("y") else rf"{obj}(?:s|es)"
    objects = rf"(?:{plural}|{obj}(?=\s*$|\s*[.,;:!?)]|\s+(?:{_AFTER_OBJECT})\b))"
    return [
        rf"{_HEAD_VERBS[head]}\s+{_WHICH}{objects}(?!-)",
        rf"{head}\s+of\s+{_WHICH}{objects}(?!-)",
    ]


_AFTER_OBJECT = (
    "for|across|in|at|and|or|with|on|to|from|of|within|through|by|over|under|during|while|via|"
    "as|including|between|among|throughout|into|using|which|that"
)


@lru_cache(maxsize=1)
def compound_senses() -> frozenset[str]:
    """Skills that mean something else as a compound's first word, from
    `vocabulary/compound_senses.txt` ("communication protocols")."""
    return frozenset(vocabulary_lines("compound_senses.txt"))


@lru_cache(maxsize=1)
def skill_vocabulary() -> tuple[SkillTerm, ...]:
    """The skills vocabulary shipped in `vocabulary/skills.txt`."""
    terms = []
    for line in vocabulary_lines("skills.txt"):
        aliases = [alias.strip().lower() for alias in line.split("|") if alias.strip()]
        terms.append(SkillTerm(canonical=aliases[0], pattern=_term_pattern(aliases)))
    return tuple(terms)


@lru_cache(maxsize=1)
def skill_words() -> frozenset[str]:
    """Every single-word name or alias in the skills vocabulary ("go", "r", "excel")."""
    names = (
        alias.strip().lower()
        for line in vocabulary_lines("skills.txt")
        for alias in line.split("|")
    )
    return frozenset(name for name in names if name and " " not in name)


def find_skills(text: str) -> list[str]:
    """Canonical names of the vocabulary skills mentioned in `text`, in order of first mention."""
    found = _skills_in(normalise(text))
    if not any(alias in normalise(text).split() for alias in capitals_only_aliases()):
        return list(found)
    return [name for name in found if _named_in(text, keyword_pattern(name))]


@lru_cache(maxsize=1)
def capitals_only_aliases() -> frozenset[str]:
    """Short skill aliases that are everyday words of a supported language ("als" is German
    for "as", "sem" Portuguese for "without"): they name the skill only in capitals."""
    from resumeforge.ai.language import SUPPORTED_LANGUAGES, stopwords_of

    everyday = frozenset().union(*(stopwords_of(language) for language in SUPPORTED_LANGUAGES))
    return frozenset(w for w in skill_words() if len(w) <= MAX_CAPITALS_ONLY and w in everyday)


MAX_CAPITALS_ONLY = 3


def _named_in(text: str, pattern: re.Pattern[str]) -> bool:
    """Whether `pattern` finds a mention in `text`, a capitals-only alias only in capitals."""
    for match in pattern.finditer(normalise(text)):
        alias = match.group(0)
        if alias not in capitals_only_aliases():
            return True
        shouted = rf"(?<![A-Za-z0-9]){re.escape(alias.upper())}(?![A-Za-z0-9])"
        if re.search(shouted, unicodedata.normalize("NFKC", text)):
            return True
    return False


@lru_cache(maxsize=16384)
def _skills_in(normalised: str) -> tuple[str, ...]:
    # One search per vocabulary term: worth remembering, since the same résumé lines are
    # looked at by the offline engine, the grounding check and the match report alike.
    found: list[tuple[int, str]] = []
    for term in skill_vocabulary():
        match = term.pattern.search(normalised)
        if match:
            found.append((match.start(), term.canonical))
    return tuple(name for _, name in sorted(found))


@lru_cache(maxsize=8192)
def canonical_skill(term: str) -> str:
    """The vocabulary's name for a term that is one of its spellings, else the term, both
    normalised."""
    key = normalise(term)
    for skill in skill_vocabulary():
        if skill.pattern.fullmatch(key):
            return skill.canonical
    return key


def mentions(text: str, keyword: str) -> bool:
    """Whether normalised `text` mentions `keyword` (a skill by any alias, or a phrase)."""
    return _named_in(text, keyword_pattern(keyword))


def covers(text: str, keyword: str) -> bool:
    """Whether `text` answers an ad asking for `keyword`: it mentions it, or a narrower skill
    that implies it ("PostgreSQL" answers "SQL")."""
    return _named_in(text, _covering_pattern(keyword))


@lru_cache(maxsize=4096)
def _covering_pattern(keyword: str) -> re.Pattern[str]:
    # One search for the skill and all its narrower ones: the offline engine asks this of
    # every line of the résumé for every term of the ad.
    patterns = [keyword_pattern(term) for term in (keyword, *narrower_skills(keyword))]
    return re.compile("|".join(f"(?:{pattern.pattern})" for pattern in patterns))


@lru_cache(maxsize=4096)
def narrower_skills(keyword: str) -> tuple[str, ...]:
    """The vocabulary skills that imply `keyword`, from `vocabulary/broader_skills.txt`, the
    narrower ones' own narrower skills included ("Next.js" implies React, so JavaScript)."""
    broad = canonical_skill(keyword)
    found: list[str] = []
    pending = list(_narrower_by_skill().get(broad, ()))
    while pending:
        skill = pending.pop(0)
        if skill not in found and skill != broad:
            found.append(skill)
            pending += _narrower_by_skill().get(skill, ())
    return tuple(found)


@lru_cache(maxsize=1)
def _narrower_by_skill() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for line in vocabulary_lines("broader_skills.txt"):
        broad, _, narrower = line.partition(":")
        table[broad.strip()] = tuple(name.strip() for name in narrower.split(",") if name.strip())
    return table


@lru_cache(maxsize=4096)
def keyword_pattern(keyword: str) -> re.Pattern[str]:
    """The pattern for a vocabulary skill (all its aliases) or, failing that, the phrase."""
    normalised = normalise(keyword)
    for term in skill_vocabulary():
        if term.canonical == normalised or term.pattern.fullmatch(normalised):
            return term.pattern
    return _term_pattern(phrase_variants(normalised))


_BRACKETED = re.compile(r"^(?P<long>[^()]+?)\s*\((?P<short>[^()]+)\)$")
# British and American spellings beyond -ise/-ize: "behaviour", "analyse", "licence", "centre".
_SPELLINGS = (
    (r"(?<=[a-z]{3})our(s?|al|ally|ed|ing)\b", r"or\1"),
    (r"(?<=[a-z]{3})ys(e|ed|es|ing)\b", r"yz\1"),
    (r"\blicenc(e|es)\b", r"licens\1"),
    (r"(?<=[a-z]{2})tre(s?)\b", r"ter\1"),
    (r"(?<=[a-z]{3})yz(e|ed|es|ing)\b", r"ys\1"),
    (r"\blicens(e|es)\b", r"licenc\1"),
)


def phrase_variants(phrase: str) -> list[str]:
    """The ways a normalised phrase is written: "hyperion financial management (hfm)" is also
    "hyperion financial management" and "hfm"; "financials" is "financial"; British and
    American spellings ("organisational", "organizational", "behaviour", "behavior") are
    one."""
    variants = {phrase}
    if bracketed := _BRACKETED.match(phrase):
        variants |= {bracketed.group("long").strip(), bracketed.group("short").strip()}
    for variant in list(variants):
        variants |= {re.sub(spelling, other, variant) for spelling, other in _SPELLINGS}
    for variant in list(variants):
        variants.add(re.sub(r"(?<=[a-z]{3})is(ation|e\b|ed\b|es\b|ing\b)", r"iz\1", variant))
        variants.add(re.sub(r"(?<=[a-z]{3})iz(ation|e\b|ed\b|es\b|ing\b)", r"is\1", variant))
        variants.add(re.sub(r"(?<=[aeiou][a-z])ll(ing|ed)\b", r"l\1", variant))
        variants.add(re.sub(r"(?<=[aeiou][a-z])(?<!l)l(ing|ed)\b", r"ll\1", variant))
        # "financials", "analytics" and "logistics" are nouns; "financial", "analytic" and
        # "logistic" adjectives of anything.
        singular = variant[:-1]
        if len(variant) > 4 and variant.endswith("s") and not variant.endswith("ss"):
            if " " in variant or not re.search(r"(?:al|ic|ive)$", singular):
                variants.add(singular)
        elif len(variant) > 3 and variant[-1].isalpha():
            variants.add(variant + "s")
    return sorted(v for v in variants if v)
