"""The words résumé section headings are made of, and the section kind each one means."""

from __future__ import annotations

import functools
import re
import unicodedata

from resumeforge.resume.schemas import SectionKind

# Checked in this order: the first kind with a matching word wins, so "Volunteer Experience"
# is volunteering and "Research Experience" is not a job list. Words are matched without their
# accents ("Experiencia", "Éducation" and "Education" alike), in English, German, French,
# Spanish, Portuguese and Italian.
KIND_WORDS: list[tuple[SectionKind, tuple[str, ...]]] = [
    (
        SectionKind.volunteer,
        (
            "volunteer", "volunteering", "community service", "community involvement",
            "ehrenamt", "ehrenamtliches", "ehrenamtliche", "benevolat", "voluntariado",
            "voluntario", "volontariato", "trabalho voluntario",
        ),
    ),
    # "Compétences linguistiques" and "Conoscenze linguistiche" are languages, not skills.
    (
        SectionKind.languages,
        (
            "sprachkenntnisse", "fremdsprachen", "fremdsprachenkenntnisse", "linguistiques",
            "linguistiche", "linguisticas", "linguisticos", "lingue straniere",
        ),
    ),
    (
        SectionKind.other,
        (
            "research", "coursework", "courses", "links", "patents", "talks", "presentations",
            "leadership", "teaching", "miscellaneous", "additional", "personal", "contact",
            "extracurricular", "memberships", "affiliations", "training",
            # German, French, Spanish, Portuguese, Italian
            "forschung", "weiterbildung", "weiterbildungen", "fortbildung", "fortbildungen",
            "sonstiges", "kontakt", "personliche daten", "kurse", "mitgliedschaften",
            "recherche", "divers", "informations complementaires", "cours", "formation continue",
            "investigacion", "cursos", "otros", "contacto", "datos personales",
            "pesquisa", "outros", "contato", "contacto", "dados pessoais", "formacao complementar",
            "ricerca", "corsi", "altro", "contatti", "dati personali", "informazioni personali",
        ),
    ),
    (
        SectionKind.projects,
        ("projects", "project", "portfolio", "projekte", "projets", "proyectos", "projetos",
         "projectos", "progetti"),
    ),
    (
        SectionKind.education,
        (
            "education", "academic", "academics", "studies", "schooling", "degrees",
            "ausbildung", "bildung", "bildungsweg", "studium", "schulbildung", "hochschulbildung",
            "akademischer werdegang", "schulische", "formation", "formations", "education",
            "etudes", "diplomes", "cursus", "parcours academique", "educacion", "formacion",
            "estudios", "titulos", "educacao", "formacao", "escolaridade", "estudos",
            "istruzione", "formazione", "studi", "titoli di studio", "percorso formativo",
        ),
    ),
    (
        SectionKind.skills,
        (
            "skills", "skill", "technologies", "technical", "competencies", "competences",
            "expertise", "tools", "proficiencies", "strengths", "stack", "abilities",
            # a skill group printed as a heading of its own: "Programming", "Frameworks"
            "programming", "frameworks", "programmierung", "werkzeuge", "programmation",
            "programacion", "programacao", "programmazione",
            "kenntnisse", "fahigkeiten", "kompetenzen", "fertigkeiten", "qualifikationen",
            "savoir-faire", "outils",
            "connaissances", "habilidades", "competencias", "conocimientos", "aptitudes",
            "herramientas", "destrezas", "competencias", "conhecimentos", "ferramentas",
            "aptidoes", "competenze", "abilita", "conoscenze", "capacita", "strumenti",
        ),
    ),
    (
        SectionKind.awards,
        (
            "awards", "award", "honors", "honours", "achievements", "accomplishments",
            "scholarships", "distinctions", "auszeichnungen", "preise", "ehrungen", "prix",
            "recompenses", "premios", "reconocimientos", "logros", "conquistas",
            "reconhecimentos", "premi", "riconoscimenti",
        ),
    ),
    (
        SectionKind.certificates,
        (
            "certifications", "certification", "certificates", "certificate", "licenses",
            "licences", "accreditations", "zertifikate", "zertifizierungen", "certificats",
            "certificaciones", "certificados", "certificacoes", "certificazioni", "certificati",
        ),
    ),
    (
        SectionKind.publications,
        ("publications", "papers", "articles", "publikationen", "veroffentlichungen",
         "publicaciones", "publicacoes", "pubblicazioni"),
    ),
    (
        SectionKind.languages,
        ("languages", "language", "sprachen", "langues", "idiomas", "lenguas", "linguas",
         "lingue"),
    ),
    (
        SectionKind.interests,
        (
            "interests", "hobbies", "activities", "interessen", "hobbys", "freizeit",
            "interets", "centres d interet", "loisirs", "intereses", "aficiones", "pasatiempos",
            "interesses", "passatempos", "interessi", "hobby", "passioni",
        ),
    ),
    (
        SectionKind.references,
        ("references", "referees", "referenzen", "referencias", "referenze"),
    ),
    (
        SectionKind.summary,
        (
            "summary", "profile", "objective", "about", "overview", "introduction", "highlights",
            "statement", "profil", "zusammenfassung", "kurzprofil", "uber mich", "zielsetzung",
            "a propos", "objectif", "presentation", "synthese", "perfil", "resumen",
            "sobre mi", "acerca de mi", "objetivo", "extracto", "resumo", "sobre mim",
            "profilo", "sommario", "riepilogo", "chi sono", "obiettivo", "presentazione",
        ),
    ),
    (
        SectionKind.work,
        (
            "experience", "experiences", "employment", "work", "career", "positions", "history",
            "jobs", "internships", "appointments",
            "berufserfahrung", "erfahrung", "erfahrungen", "werdegang", "beruflicher werdegang",
            "berufspraxis", "praktika", "arbeitserfahrung", "beschaftigung", "tatigkeiten",
            "stationen", "berufliche stationen",
            "experience professionnelle", "parcours", "emplois", "stages", "experiencia",
            "experiencias", "trayectoria", "empleo", "empleos", "practicas", "experiencia",
            "historico profissional", "estagios", "carreira", "esperienza", "esperienze",
            "tirocini", "carriera", "percorso professionale",
        ),
    ),
]  # fmt: skip
# Words that may sit in a heading without saying what it is ("Professional Experience").
FILLER_WORDS = {
    "and", "&", "of", "my", "professional", "relevant", "selected", "other", "key", "core",
    "recent", "related", "industry", "areas", "area", "skill", "and/or", "me", "honors",
    "summary", "qualifications", "invited", "technical", "information", "details", "for",
    "the", "in", "a", "volunteering", "work", "list", "all", "additional", "soft", "hard",
    # German, French, Spanish, Portuguese, Italian
    "und", "berufliche", "beruflicher", "berufliches", "technische", "personliche", "weitere",
    "sonstige", "meine", "akademische", "akademischer", "it", "edv", "fachliche", "soziale",
    "et", "de", "des", "du", "la", "le", "les", "l", "d", "professionnelle", "professionnelles",
    "professionnel", "professionnels", "techniques", "technique", "academique", "academiques",
    "mes", "personnelles", "cles", "autres", "principales", "complementaires",
    "y", "del", "las", "los", "el", "profesional", "profesionales", "laboral", "laborales",
    "academica", "academicas", "tecnicas", "tecnicos", "personales", "mis", "adicional",
    "e", "do", "da", "dos", "das", "profissional", "profissionais", "outras",
    "principais", "adicionais", "pessoais",
    "di", "della", "delle", "dei", "professionale", "professionali", "lavorativa",
    "lavorative", "tecniche", "accademica", "personali", "altre", "principali", "ed",
}  # fmt: skip


def normalise_heading(text: str) -> str:
    """Lower-case words only: 'Honors & Awards:' → 'honors & awards'."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[^\w&/+ ]+", " ", text)
    return " ".join(text.split())


def _match_key(text: str) -> str:
    """The heading's words without accents, as the vocabulary is written: 'études' → 'etudes'."""
    decomposed = unicodedata.normalize("NFKD", normalise_heading(text))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


_KIND_KEYS: list[tuple[SectionKind, tuple[str, ...]]] = [
    (kind, tuple(_match_key(word) for word in words)) for kind, words in KIND_WORDS
]
_FILLER_KEYS = {_match_key(word) or word for word in FILLER_WORDS}
_ALL_WORDS = {word for _, words in _KIND_KEYS for word in words if " " not in word}
# Phrases such as "über mich" or "centres d'intérêt", longest first so each is taken whole.
_PHRASES = sorted(
    {word for _, words in _KIND_KEYS for word in words if " " in word}, key=len, reverse=True
)
_PHRASES_RE = re.compile(r"\b(?:" + "|".join(re.escape(phrase) for phrase in _PHRASES) + r")\b")
_KIND_PATTERNS = [
    (kind, re.compile(rf"\b(?:{'|'.join(re.escape(word) for word in words)})\b"))
    for kind, words in _KIND_KEYS
]


# Between the items of a heading that names two sections: "Education and Training".
_HEADING_ITEMS_RE = re.compile(r"\s*(?:&|,|\b(?:and|und|et|y|e|ed)\b)\s*")


@functools.lru_cache(maxsize=4096)
def heading_kind(text: str) -> SectionKind | None:
    """The kind a heading names, or None when its words are not a heading's words.

    A heading that names several sections ("Education and Training") is the first of them
    that is not `other`: its other items qualify it, they do not make it miscellany.
    """
    key = _match_key(text)
    if not key:
        return None
    items = [item for item in _HEADING_ITEMS_RE.split(key) if item]
    if len(items) > 1:
        kinds = [_kind_of(item) for item in items]
        named = [kind for kind in kinds if kind not in (None, SectionKind.other)]
        if named:
            return named[0]
    return _kind_of(key)


def _kind_of(key: str) -> SectionKind | None:
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(key):
            return kind
    return None


@functools.lru_cache(maxsize=4096)
def is_vocabulary_heading(text: str) -> bool:
    """True when every word is a heading word or filler: 'Work Experience', 'SKILLS:'."""
    if len(text) > 80:
        return False  # six words at most, however long
    key, phrases = _PHRASES_RE.subn(" ", _match_key(text).replace("/", " "))
    words = key.split()
    if (not words and not phrases) or len(words) + phrases > 6:
        return False
    known = [w for w in words if w in _ALL_WORDS]
    return bool(known or phrases) and all(w in _ALL_WORDS or w in _FILLER_KEYS for w in words)
