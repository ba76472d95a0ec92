"""The words the renderer adds itself, in the résumé's own language.

Headings as printed come from the résumé; what is printed on top of it (a default heading for
a section the source did not name, month names, the open end of a date range, the document's
title) must read in the same language, or a German résumé comes back half in English.
"""

from __future__ import annotations

from dataclasses import dataclass

from resumeforge.resume.schemas import SectionKind

K = SectionKind


def _months(names: str) -> tuple[str, ...]:
    return tuple(names.split())


@dataclass(frozen=True)
class Wording:
    language: str  # ISO 639-1, also what Typst hyphenates and Word spell-checks by
    word_locale: str  # what Word's w:lang wants, e.g. "de-DE"
    headings: dict[SectionKind, str]
    months: tuple[str, ...]  # abbreviated, January first
    present: str  # the open end of a range: "Present", "heute"
    resume_title: str  # the document's metadata title
    # What joins a degree to its subject: "BS in Physics", "Licence en informatique". The
    # parser splits a degree at this word, so the renderer prints it back.
    degree_subject: str


WORDINGS: dict[str, Wording] = {
    "en": Wording(
        language="en",
        word_locale="en-US",
        headings={
            K.summary: "Summary",
            K.work: "Experience",
            K.education: "Education",
            K.skills: "Skills",
            K.projects: "Projects",
            K.volunteer: "Volunteering",
            K.certificates: "Certifications",
            K.awards: "Awards",
            K.publications: "Publications",
            K.languages: "Languages",
            K.interests: "Interests",
            K.references: "References",
        },
        months=_months("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec"),
        present="Present",
        resume_title="Résumé",
        degree_subject="in",
    ),
    "de": Wording(
        language="de",
        word_locale="de-DE",
        headings={
            K.summary: "Profil",
            K.work: "Berufserfahrung",
            K.education: "Ausbildung",
            K.skills: "Kenntnisse",
            K.projects: "Projekte",
            K.volunteer: "Ehrenamt",
            K.certificates: "Zertifikate",
            K.awards: "Auszeichnungen",
            K.publications: "Publikationen",
            K.languages: "Sprachen",
            K.interests: "Interessen",
            K.references: "Referenzen",
        },
        months=_months("Jan. Feb. März Apr. Mai Juni Juli Aug. Sept. Okt. Nov. Dez."),
        present="heute",
        resume_title="Lebenslauf",
        degree_subject="in",
    ),
    "fr": Wording(
        language="fr",
        word_locale="fr-FR",
        headings={
            K.summary: "Profil",
            K.work: "Expérience professionnelle",
            K.education: "Formation",
            K.skills: "Compétences",
            K.projects: "Projets",
            K.volunteer: "Bénévolat",
            K.certificates: "Certifications",
            K.awards: "Distinctions",
            K.publications: "Publications",
            K.languages: "Langues",
            K.interests: "Centres d'intérêt",
            K.references: "Références",
        },
        months=_months("janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc."),
        present="aujourd'hui",
        resume_title="CV",
        degree_subject="en",
    ),
    "es": Wording(
        language="es",
        word_locale="es-ES",
        headings={
            K.summary: "Perfil",
            K.work: "Experiencia profesional",
            K.education: "Formación",
            K.skills: "Habilidades",
            K.projects: "Proyectos",
            K.volunteer: "Voluntariado",
            K.certificates: "Certificaciones",
            K.awards: "Premios",
            K.publications: "Publicaciones",
            K.languages: "Idiomas",
            K.interests: "Intereses",
            K.references: "Referencias",
        },
        months=_months("ene. feb. mar. abr. may. jun. jul. ago. sept. oct. nov. dic."),
        present="actualidad",
        resume_title="Currículum",
        degree_subject="en",
    ),
    "pt": Wording(
        language="pt",
        word_locale="pt-PT",
        headings={
            K.summary: "Perfil",
            K.work: "Experiência profissional",
            K.education: "Formação",
            K.skills: "Competências",
            K.projects: "Projetos",
            K.volunteer: "Voluntariado",
            K.certificates: "Certificações",
            K.awards: "Distinções",
            K.publications: "Publicações",
            K.languages: "Idiomas",
            K.interests: "Interesses",
            K.references: "Referências",
        },
        months=_months("jan. fev. mar. abr. mai. jun. jul. ago. set. out. nov. dez."),
        present="atual",
        resume_title="Currículo",
        degree_subject="em",
    ),
    "it": Wording(
        language="it",
        word_locale="it-IT",
        headings={
            K.summary: "Profilo",
            K.work: "Esperienza professionale",
            K.education: "Istruzione",
            K.skills: "Competenze",
            K.projects: "Progetti",
            K.volunteer: "Volontariato",
            K.certificates: "Certificazioni",
            K.awards: "Premi",
            K.publications: "Pubblicazioni",
            K.languages: "Lingue",
            K.interests: "Interessi",
            K.references: "Referenze",
        },
        months=_months("gen. feb. mar. apr. mag. giu. lug. ago. set. ott. nov. dic."),
        present="presente",
        resume_title="Curriculum vitae",
        degree_subject="in",
    ),
}
ENGLISH = WORDINGS["en"]


def wording_for(language: str) -> Wording:
    """The renderer's words in `language`; English for a language we have no words for."""
    return WORDINGS.get(language.casefold(), ENGLISH)
