"""Résumé bullets said in the candidate's voice, for the offline letter, in the letter's language.

A bullet becomes part of a sentence only when its shape says what it is: a past-tense verb
("Led a team" gives "led a team"), for the current role a present-tense verb ("Manages the
rota" gives "manage the rota"), or an activity noun the language gives a fixed article
("Entwicklung einer App" gives "die Entwicklung einer App"). A bullet in another language
than the letter (it is never translated), wrapped onto the next line, or of several sentences
is left out. The grammar per language is in `vocabulary/letter_grammar.json`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from importlib import resources
from typing import Any

from resumeforge.ai.keywords import sentences
from resumeforge.ai.language import detect_language

MIN_HIGHLIGHT_WORDS = 4
MAX_HIGHLIGHT_WORDS = 35
MIN_REGULAR_VERB_LENGTH = 4
MAX_OWN_WORDS = 30
# A verb this short ("Ran") still opens a bullet; a longer gerund stem is needed for "-ing".
MIN_GERUND_LENGTH = 6
# The leading verbs of "Plans, tests, and ships the releases": all of them agree with "I".
_VERB_GROUP = re.compile(r"^[^\W\d_]+(?:(?:,\s*(?:and\s+|und\s+)?|\s+(?:and|und)\s+)[^\W\d_]+)*")


class HighlightKind(StrEnum):
    act = "act"  # a verb clause: "led a team"
    task = "task"  # an activity: "designing the rota", "die Entwicklung einer App"


@dataclass(frozen=True)
class Highlight:
    kind: HighlightKind
    clause: str


@dataclass(frozen=True)
class LetterGrammar:
    past_endings: tuple[str, ...]
    past_verbs: frozenset[str]
    present_verbs: frozenset[str]
    task_articles: dict[str, str]
    subject_after_verb: str
    lowercase_task: bool
    first_person_openers: tuple[str, ...]


@lru_cache(maxsize=8)
def letter_grammar(language: str) -> LetterGrammar:
    """What turns a bullet into a clause in `language`, from `vocabulary/letter_grammar.json`."""
    path = resources.files("resumeforge.ai").joinpath("vocabulary/letter_grammar.json")
    entry: dict[str, Any] = json.loads(path.read_text("utf-8"))[language]
    return LetterGrammar(
        past_endings=tuple(entry["past_endings"]),
        past_verbs=frozenset(entry["past_verbs"]),
        present_verbs=frozenset(entry["present_verbs"]),
        task_articles=dict(entry["task_articles"]),
        subject_after_verb=entry["subject_after_verb"],
        lowercase_task=entry["lowercase_task"],
        first_person_openers=tuple(entry["first_person_openers"]),
    )


def whole_bullets(bullets: list[str]) -> list[str]:
    """The bullets that are whole, each as its first statement. A bullet is not whole when the
    next line continues it (it then starts in lowercase, as a wrapped line does) or it ends on
    a comma, dash or colon. Its first statement leaves out a leading label ("Survey Tools:
    Designed …") and what follows its first sentence, which may lean on the one before."""
    whole = []
    for index, bullet in enumerate(bullets):
        text = _plain(bullet)
        following = _plain(bullets[index + 1]) if index + 1 < len(bullets) else ""
        if text and not following[:1].islower() and not re.search(r"[,:;\-–/&]$", text):
            whole.append(_first_statement(text))
    return [statement for statement in whole if statement]


_LABEL = re.compile(r"^[^:.]{1,40}:\s+(?=[A-Z])")
# A sentence ends at a full stop after a word of four letters or more: "e.g." and "Inc." do not.
_FIRST_SENTENCE = re.compile(r"^(.*?[^\W\d_]{4}[.!?])\s+[A-Z]")
MAX_LABEL_WORDS = 5


def _first_statement(text: str) -> str:
    label = _LABEL.match(text)
    if label and len(label.group(0).split()) <= MAX_LABEL_WORDS:
        text = text[label.end() :]
    sentence = _FIRST_SENTENCE.match(text)
    return sentence.group(1) if sentence else text


def highlight(bullet: str, language: str, *, current: bool) -> Highlight | None:
    """`bullet` as a clause of a first-person sentence in `language`, or None when its shape
    does not say what it is. Present-tense verbs are said only of the current role."""
    text = _plain(bullet).rstrip(".;,")
    words = text.split()
    if not MIN_HIGHLIGHT_WORDS <= len(words) <= MAX_HIGHLIGHT_WORDS or not words[0][:1].isupper():
        return None
    if re.search(r"[:;•|]|\.\s", text) or detect_language(text) != language:
        return None
    grammar = letter_grammar(language)
    first = words[0].lower().rstrip(",")
    if _is_past(first, grammar):
        return Highlight(HighlightKind.act, _act_clause(text, grammar))
    if current and _present_base(first, grammar):
        return Highlight(HighlightKind.act, _agreeing_with_i(text, grammar))
    if (article := _task_article(words[0], grammar)) is not None:
        task = _lower_first(text) if grammar.lowercase_task else text
        return Highlight(HighlightKind.task, f"{article} {task}" if article else task)
    return None


def own_words(summary: str, language: str) -> str:
    """The first sentence of the résumé's summary that the candidate wrote in the first person
    in `language` ("I enjoy mentoring junior engineers."), to be quoted as it is; else empty."""
    openers = letter_grammar(language).first_person_openers
    for sentence in sentences(summary):
        words = sentence.split()
        if not openers or not MIN_HIGHLIGHT_WORDS <= len(words) <= MAX_OWN_WORDS:
            continue
        opens = words[0] in openers or sentence.startswith(
            tuple(o for o in openers if o[-1] in "'’")
        )
        if opens and sentence[-1] in ".!" and detect_language(sentence) == language:
            return sentence
    return ""


def _plain(bullet: str) -> str:
    return re.sub(r"\s+", " ", bullet).strip(" •-–*\t")


def _is_past(word: str, grammar: LetterGrammar) -> bool:
    # "Used", "Desarrollé", "Analysierte"; a shorter word with the ending ("Bed") is no verb.
    regular = len(word) >= MIN_REGULAR_VERB_LENGTH and word.endswith(grammar.past_endings)
    return regular or word in grammar.past_verbs


def _present_base(word: str, grammar: LetterGrammar) -> str:
    """The base form of a present-tense verb ("manage" for "Manage" or "Manages"), else empty."""
    candidates = [word]
    if word.endswith("ies"):
        candidates.append(word[:-3] + "y")
    if word.endswith("es"):
        candidates.append(word[:-2])
    if word.endswith("s"):
        candidates.append(word[:-1])
    return next((c for c in candidates if c in grammar.present_verbs), "")


def _act_clause(text: str, grammar: LetterGrammar) -> str:
    """The bullet in lowercase where its verbs are, with the subject after them where the
    language puts it there ("analysierte ich das Budget" after "Dort")."""
    group = _VERB_GROUP.match(text)
    assert group is not None  # the text opens with a word
    verbs, rest = group.group(0).lower(), text[group.end() :]
    subject = f" {grammar.subject_after_verb}" if grammar.subject_after_verb else ""
    return verbs + subject + rest


def _agreeing_with_i(text: str, grammar: LetterGrammar) -> str:
    """ "Plans, tests, and ships the releases" as "plan, test, and ship the
    releases": every leading verb in the form that follows "I"."""
    group = _VERB_GROUP.match(text)
    assert group is not None  # the text opens with a word
    verbs = re.sub(
        r"[^\W\d_]+",
        lambda m: _present_base(m.group(0).lower(), grammar) or m.group(0),
        group.group(0),
    )
    return verbs + text[group.end() :]


def _task_article(word: str, grammar: LetterGrammar) -> str | None:
    """The article an activity noun takes ("die" for "Entwicklung"), "" for an English gerund
    of a known verb, None when `word` names no activity."""
    lowered = word.lower().rstrip(",")
    for ending, article in grammar.task_articles.items():
        if not lowered.endswith(ending):
            continue
        if ending == "ing":
            return "" if _is_gerund(lowered, grammar) else None
        return article
    return None


def _is_gerund(word: str, grammar: LetterGrammar) -> bool:
    stem = word[:-3]
    undoubled = stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem
    return len(word) >= MIN_GERUND_LENGTH and bool(
        {stem, stem + "e", undoubled} & grammar.present_verbs
    )


def _lower_first(text: str) -> str:
    # "Designing" reads "designing" inside a sentence; "SAP rollout" keeps its capitals.
    first = text.split()[0]
    if first[1:2].isupper() or any(ch.isdigit() for ch in first):
        return text
    return text[:1].lower() + text[1:]
