"""Résumé bullets said in the candidate's voice: which shapes become a clause, in which
language, and which are left out."""

from __future__ import annotations

import pytest

from resumeforge.ai.letter_highlights import HighlightKind, highlight, own_words, whole_bullets


@pytest.mark.parametrize(
    ("bullet", "language", "current", "kind", "clause"),
    [
        ("Led a team of five volunteers.", "en", False, "act", "led a team of five volunteers"),
        (
            "Sorted, labelled, and shipped the returns",
            "en",
            False,
            "act",
            "sorted, labelled, and shipped the returns",
        ),
        (
            "Manage the weekly rota for the ward.",
            "en",
            True,
            "act",
            "manage the weekly rota for the ward",
        ),
        (
            "Plans, tests, and ships the monthly releases",
            "en",
            True,
            "act",
            "plan, test, and ship the monthly releases",
        ),
        (
            "Carries out audits of the stock room",
            "en",
            True,
            "act",
            "carry out audits of the stock room",
        ),
        (
            "Designing the spring menus for the café",
            "en",
            False,
            "task",
            "designing the spring menus for the café",
        ),
        (
            "Analysierte die Lagerkosten und senkte den Verbrauch",
            "de",
            False,
            "act",
            "analysierte ich die Lagerkosten und senkte den Verbrauch",
        ),
        (
            "Entwicklung einer Software für den Vertrieb",
            "de",
            True,
            "task",
            "die Entwicklung einer Software für den Vertrieb",
        ),
        (
            "Gestión de los pedidos de los clientes",
            "es",
            False,
            "task",
            "la gestión de los pedidos de los clientes",
        ),
        (
            "Coordiné el equipo de atención al cliente",
            "es",
            False,
            "act",
            "coordiné el equipo de atención al cliente",
        ),
    ],
)
def test_a_bullet_of_a_known_shape_becomes_a_clause(
    bullet: str, language: str, current: bool, kind: str, clause: str
) -> None:
    found = highlight(bullet, language, current=current)

    assert found is not None
    assert (found.kind, found.clause) == (HighlightKind(kind), clause)


@pytest.mark.parametrize(
    ("bullet", "language", "current"),
    [
        # A present-tense verb of a role that has ended would read as if it went on.
        ("Manage the weekly rota for the ward.", "en", False),
        # A noun phrase with no activity in it cannot be said honestly as "I …".
        ("Stock control and deliveries for the shop.", "en", True),
        # "Spring" ends in "-ing" but names no activity.
        ("Spring Boot services for the payments team", "en", True),
        # Two sentences, a label, and a bullet too short to say anything.
        ("Built a garden shed. It is still standing today.", "en", False),
        ("Main duties: cooking and cleaning", "en", False),
        ("Sales and marketing", "en", False),
        # A feminine noun that names a place, not an activity.
        ("Ciudad de Arden, calle Mayor", "es", False),
        # Another language than the letter's is never translated.
        ("Analysierte die Lagerkosten und senkte den Verbrauch", "en", False),
        ("Developed a booking app for the sales team", "de", False),
        ("starting from the second floor to the roof", "en", False),
    ],
)
def test_a_bullet_of_another_shape_is_left_out(bullet: str, language: str, current: bool) -> None:
    assert highlight(bullet, language, current=current) is None


def test_a_bullet_wrapped_onto_the_next_line_is_not_whole() -> None:
    bullets = [
        "Planning the spring menus across the three kitchens, seasonal",
        "produce and suppliers.",
        "Led the design review of the booking app.",
        "Worked with the data team,",
    ]

    whole = whole_bullets(bullets)

    assert "Led the design review of the booking app." in whole
    assert not any(b.startswith(("Planning", "Worked")) for b in whole)


def test_a_bullet_is_said_by_its_first_statement_without_its_label() -> None:
    bullets = [
        "Survey Tools: Designed the booking form for the clinics. Used it daily.",
        "Built a garden shed for the school. It is still standing.",
        "Helped with tasks e.g. Printing and filing.",
    ]

    assert whole_bullets(bullets) == [
        "Designed the booking form for the clinics.",
        "Built a garden shed for the school.",
        "Helped with tasks e.g. Printing and filing.",
    ]


@pytest.mark.parametrize(
    ("summary", "language", "said"),
    [
        (
            "Backend engineer with 6 years of Python. I enjoy mentoring junior engineers.",
            "en",
            "I enjoy mentoring junior engineers.",
        ),
        (
            "Hi there! I'm a designer with a background in research.",
            "en",
            "I'm a designer with a background in research.",
        ),
        (
            "Ich arbeite gern im Team und lerne schnell dazu.",
            "de",
            "Ich arbeite gern im Team und lerne schnell dazu.",
        ),
        # Not in the first person, in another language, or without an end.
        ("Backend engineer with 6 years of Python.", "en", ""),
        ("Ich arbeite gern im Team und lerne schnell dazu.", "en", ""),
        ("I enjoy mentoring junior engineers and", "en", ""),
    ],
)
def test_the_summary_sentence_in_the_candidates_own_words(
    summary: str, language: str, said: str
) -> None:
    assert own_words(summary, language) == said
