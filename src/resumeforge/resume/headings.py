"""The words résumé section headings are made of, and the section kind each one means."""

from __future__ import annotations

import functools
import re
import unicodedata

from resumeforge.resume.schemas import SectionKind

# Checked in this order: the first kind with a matching word wins, so "Volunteer Experience"
# is volunteering and "Research Experience" is not a job list. Words are matched without their
# accents ("Experiencia", "Éducation" and "Education" alike), in English, German, French,
# Spanish, Portuguese, Italian, Dutch, Danish, Norwegian and Swedish. "æ" and "ø" have no
# accent to drop, so Danish and Norwegian words keep them.
KIND_WORDS: list[tuple[SectionKind, tuple[str, ...]]] = [
    (
        SectionKind.volunteer,
        (
            "volunteer", "volunteering", "community service", "community involvement",
            "ehrenamt", "ehrenamtliches", "ehrenamtliche", "benevolat", "voluntariado",
            "voluntario", "volontariato", "trabalho voluntario",
            "vrijwilligerswerk", "frivilligt arbejde", "frivillig arbeid", "frivilligt arbete",
            "ideellt arbete",
        ),
    ),
    # "Education and Training" (the Europass heading) is education, though "Training" alone
    # is a list of courses.
    (
        SectionKind.education,
        ("education and training", "formation et education", "istruzione e formazione",
         "educacion y formacion", "educacao e formacao", "allgemeine und berufliche bildung",
         "onderwijs en opleiding"),
    ),
    # "Personal skills" (Europass again) is skills, though "Personal" alone is personal data.
    (
        SectionKind.skills,
        ("personal skills", "competences personnelles", "competencias personales",
         "competenze personali", "personliche fahigkeiten", "competencias pessoais",
         "persoonlijke vaardigheden"),
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
            "cursussen", "contactgegevens", "persoonlijke gegevens", "overige",
            "kurser", "personlige oplysninger", "kurs", "personalia", "ovrigt",
            "personuppgifter", "kontaktuppgifter", "kontaktoplysninger",
        ),
    ),
    (
        SectionKind.projects,
        ("projects", "project", "portfolio", "projekte", "projets", "proyectos", "projetos",
         "projectos", "progetti", "projecten", "projekter", "prosjekter", "projekt"),
    ),
    (
        SectionKind.education,
        (
            "education", "academic", "academics", "studies", "schooling", "degrees",
            "ausbildung", "bildung", "bildungsweg", "studium", "schulbildung", "hochschulbildung",
            "akademischer werdegang", "schulische", "formation", "formations", "education",
            "education and training",
            "etudes", "diplomes", "cursus", "parcours academique", "educacion", "formacion",
            "estudios", "titulos", "educacao", "formacao", "escolaridade", "estudos",
            "istruzione", "formazione", "studi", "titoli di studio", "percorso formativo",
            "opleiding", "opleidingen", "onderwijs", "uddannelse", "uddannelser", "utdanning",
            "utdannelse", "utbildning", "utbildningar",
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
            "grundkenntnisse", "erste kenntnisse", "edv-kenntnisse",
            "savoir-faire", "outils",
            "connaissances", "habilidades", "competencias", "conocimientos", "aptitudes",
            "herramientas", "destrezas", "competencias", "conhecimentos", "ferramentas",
            "aptidoes", "competenze", "abilita", "conoscenze", "capacita", "strumenti",
            "vaardigheden", "competenties", "kennis", "kompetencer", "færdigheder",
            "kvalifikationer", "ferdigheter", "kompetanse", "kvalifikasjoner", "fardigheter",
            "kompetenser", "kunskaper",
            # LinkedIn's "Top Skills" in Danish: its words are no heading words alone.
            "mest repræsenterede kompetencer",
        ),
    ),
    (
        SectionKind.awards,
        (
            "awards", "award", "honors", "honours", "achievements", "accomplishments",
            "scholarships", "distinctions", "auszeichnungen", "preise", "ehrungen", "prix",
            "recompenses", "premios", "reconocimientos", "logros", "conquistas",
            "reconhecimentos", "premi", "riconoscimenti",
            "prijzen", "onderscheidingen", "priser", "hædersbevisninger", "utmarkelser",
        ),
    ),
    (
        SectionKind.certificates,
        (
            "certifications", "certification", "certificates", "certificate", "licenses",
            "licences", "accreditations", "zertifikate", "zertifizierungen", "certificats",
            "certificaciones", "certificados", "certificacoes", "certificazioni", "certificati",
            "certificaten", "certificeringen", "certificeringer", "certifikater",
            "sertifiseringer", "sertifikater", "certifieringar", "certifikat",
        ),
    ),
    (
        SectionKind.publications,
        ("publications", "papers", "articles", "publikationen", "veroffentlichungen",
         "publicaciones", "publicacoes", "pubblicazioni", "publicaties", "publikationer",
         "publikasjoner"),
    ),
    (
        SectionKind.languages,
        ("languages", "language", "sprachen", "langues", "idiomas", "lenguas", "linguas",
         "lingue", "talen", "sprog", "sprak"),
    ),
    (
        SectionKind.interests,
        (
            "interests", "hobbies", "activities", "interessen", "hobbys", "freizeit",
            "interets", "centres d interet", "loisirs", "intereses", "aficiones", "pasatiempos",
            "interesses", "passatempos", "interessi", "hobby", "passioni",
            "interesses", "hobby s", "interesser", "fritidsinteresser", "fritid", "intressen",
            "fritidsintressen",
        ),
    ),
    (
        SectionKind.references,
        ("references", "referees", "referenzen", "referencias", "referenze", "referenties",
         "referencer", "referanser", "referenser"),
    ),
    (
        SectionKind.summary,
        (
            "summary", "profile", "objective", "about", "overview", "introduction", "highlights",
            "statement", "profil", "zusammenfassung", "kurzprofil", "uber mich", "zielsetzung",
            "a propos", "objectif", "presentation", "synthese", "perfil", "resumen",
            "sobre mi", "acerca de mi", "objetivo", "extracto", "resumo", "sobre mim",
            "profilo", "sommario", "riepilogo", "chi sono", "obiettivo", "presentazione",
            "profiel", "samenvatting", "over mij", "resume", "om mig", "sammendrag",
            "om meg", "sammanfattning",
            # The job a Europass CV is written for, in its languages.
            "job applied for", "position applied for", "preferred job", "studies applied for",
            "empleo solicitado", "puesto solicitado", "emploi recherche", "poste vise",
            "gewunschte beschaftigung", "angestrebte stelle", "occupazione desiderata",
            "posizione ricoperta", "emprego pretendido", "posicao pretendida",
        ),
    ),
    (
        SectionKind.work,
        (
            "experience", "experiences", "employment", "work", "career", "positions", "history",
            "jobs", "internships", "internship", "appointments", "stage", "praktikum", "estagio",
            "pasantias", "tirocinio",
            "berufserfahrung", "erfahrung", "erfahrungen", "werdegang", "beruflicher werdegang",
            "berufspraxis", "praktika", "arbeitserfahrung", "beschaftigung", "tatigkeiten",
            "berufliche stationen", "stationen",
            "experience professionnelle", "parcours", "emplois", "stages", "experiencia",
            "experiencias", "trayectoria", "empleo", "empleos", "practicas", "experiencia",
            "historico profissional", "estagios", "carreira", "esperienza", "esperienze",
            "tirocini", "carriera", "percorso professionale", "historial", "historial laboral",
            "trabajo", "trabajos",
            "ervaring", "werkervaring", "loopbaan", "werkgeschiedenis", "erfaring",
            "erhvervserfaring", "arbejdserfaring", "beskæftigelse", "arbeidserfaring",
            "yrkeserfaring", "erfarenhet", "arbetslivserfarenhet", "yrkeserfarenhet",
            "anstallningar",
        ),
    ),
]  # fmt: skip
# Words that may sit in a heading without saying what it is ("Professional Experience").
FILLER_WORDS = {
    "and", "&", "of", "my", "professional", "relevant", "selected", "other", "key", "core",
    "recent", "related", "industry", "areas", "area", "skill", "and/or", "me", "honors",
    "summary", "qualifications", "invited", "technical", "information", "details", "for",
    "the", "in", "a", "volunteering", "work", "list", "all", "additional", "soft", "hard",
    "background",
    # German, French, Spanish, Portuguese, Italian, Dutch, Danish and Norwegian, Swedish
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
    "en", "mijn", "relevante", "professionele", "persoonlijke", "andere",
    "og", "mine", "faglige", "tekniske", "personlige", "andre", "anden",
    "och", "mina", "tekniska", "personliga", "relevanta", "ovriga", "annan",
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
_PHRASE_KINDS = {word: kind for kind, words in reversed(_KIND_KEYS) for word in words}
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
    # A phrase says more than its words: "Education and Training" is not a training list.
    phrase = _PHRASES_RE.search(key)
    if phrase is not None:
        return _PHRASE_KINDS[phrase.group()]
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


# Headings over a person's own contact details, where a phone number needs no label.
_CONTACT_HEADING_RE = re.compile(
    r"\b(?:contacts?|contact details|contact information|personal (?:information|details|data)"
    r"|kontakt|kontaktdaten|personliche daten|stammdaten|coordonnees|informations personnelles"
    r"|contacto|datos personales|datos de contacto|contato|dados pessoais|contatti|recapiti"
    r"|dati personali|contactgegevens|persoonlijke gegevens|kontaktoplysninger"
    r"|personlige oplysninger|kontaktuppgifter|personuppgifter|personalia)\b"
)


def is_contact_heading(text: str) -> bool:
    """True for a heading over the person's contact details: 'Contact', 'Dados pessoais'."""
    return is_vocabulary_heading(text) and bool(_CONTACT_HEADING_RE.search(_match_key(text)))
