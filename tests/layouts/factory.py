"""Fictional résumés with exact truth: people, jobs, schools and skills drawn from a seed.

Every string here is invented for the generated corpus (no corpus document is quoted). A
`FictionalResume` knows how it prints its dates in its language and style, gives its content
as JSON Resume for engines that take that, and its truth in the shape of the shared corpus's
`*.truth.json`, so one scorer reads both.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

LANGUAGES = ("en", "de", "fr", "es", "pt", "it")
SCRIPTS = ("latin", "cyrillic", "greek", "cjk", "arabic")
LATIN_ONLY = ("latin",)
# pdflatex with T1 fonts: Latin letters of Western and Central Europe (no Vietnamese).
TEX_SCRIPTS = ("latin-t1",)

# (name as printed, the e-mail handle it goes by)
NAMES: dict[str, tuple[tuple[str, str], ...]] = {
    "latin": (
        ("Zoë Lindqvist", "zoe.lindqvist"),
        ("Matthias Brenner", "m.brenner"),
        ("Inès Moreau-Laval", "ines.moreau"),
        ("Joaquín Ibarra Soto", "jibarra"),
        ("João Pedro Carvalho", "jp.carvalho"),
        ("Chiara Esposito", "chiara.esposito"),
        ("Siobhán Kearney", "skearney"),
        ("Mateusz Kowalczyk", "mkowalczyk"),
        ("Ayşe Demirtaş", "ayse.demirtas"),
        ("Nguyễn Thị Lan", "lan.nguyen"),
        ("Oluwaseun Adeyemi", "seun.adeyemi"),
        ("Henrike van der Berg", "henrike.vdberg"),
        ("Priya Raghunathan", "priya.r"),
        ("Émile Durand", "emile.durand"),
        ("Lucía Fernández", "lucia.fdez"),
        ("Tomás Ó Briain", "tomas.obriain"),
    ),
    "cyrillic": (
        ("Анна Соколова", "anna.sokolova"),
        ("Дмитрий Орлов", "d.orlov"),
        ("Олена Коваленко", "olena.kovalenko"),
    ),
    "greek": (
        ("Ελένη Παππά", "eleni.pappa"),
        ("Νίκος Δημητρίου", "nikos.dimitriou"),
    ),
    "cjk": (
        ("王小明", "wang.xiaoming"),
        ("佐藤 花子", "hanako.sato"),
        ("김지훈", "jihoon.kim"),
    ),
    "arabic": (
        ("ليلى حداد", "layla.haddad"),
        ("عمر الخطيب", "omar.khatib"),
    ),
}
NAMES["latin-t1"] = tuple(n for n in NAMES["latin"] if not n[1].startswith("lan."))
SCRIPT_WEIGHTS = {"latin": 10, "latin-t1": 10, "cyrillic": 2, "greek": 2, "cjk": 2, "arabic": 2}
LANGUAGE_WEIGHTS = {"en": 6, "de": 3, "fr": 3, "es": 3, "pt": 3, "it": 3}
DOMAINS = ("example.com", "example.org", "example.net", "mail.example")

# Section headings as people print them, several per language and kind.
HEADINGS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "summary": ("Summary", "Profile", "Professional Summary", "About Me"),
        "work": ("Experience", "Work Experience", "Professional Experience", "Employment History"),
        "education": ("Education", "Education and Training", "Academic Background"),
        "skills": ("Skills", "Technical Skills", "Core Competencies"),
        "languages": ("Languages",),
        "interests": ("Interests", "Hobbies"),
    },
    "de": {
        "summary": ("Profil", "Kurzprofil", "Über mich"),
        "work": ("Berufserfahrung", "Beruflicher Werdegang", "Berufliche Stationen"),
        "education": ("Ausbildung", "Bildungsweg", "Studium"),
        "skills": ("Kenntnisse", "Fähigkeiten", "IT-Kenntnisse"),
        "languages": ("Sprachen", "Sprachkenntnisse"),
        "interests": ("Interessen", "Hobbys"),
    },
    "fr": {
        "summary": ("Profil", "À propos", "Résumé"),
        "work": ("Expérience professionnelle", "Expériences", "Parcours professionnel"),
        "education": ("Formation", "Études", "Diplômes"),
        "skills": ("Compétences", "Compétences techniques"),
        "languages": ("Langues",),
        "interests": ("Centres d'intérêt", "Loisirs"),
    },
    "es": {
        "summary": ("Perfil", "Resumen", "Perfil profesional"),
        "work": ("Experiencia laboral", "Experiencia profesional", "Trayectoria profesional"),
        "education": ("Educación", "Formación académica", "Formación"),
        "skills": ("Habilidades", "Competencias", "Conocimientos"),
        "languages": ("Idiomas",),
        "interests": ("Intereses", "Aficiones"),
    },
    "pt": {
        "summary": ("Perfil", "Resumo", "Sobre mim"),
        "work": ("Experiência profissional", "Experiência", "Histórico profissional"),
        "education": ("Formação acadêmica", "Educação", "Formação"),
        "skills": ("Competências", "Habilidades", "Conhecimentos"),
        "languages": ("Idiomas", "Línguas"),
        "interests": ("Interesses", "Hobbies"),
    },
    "it": {
        "summary": ("Profilo", "Sommario", "Chi sono"),
        "work": ("Esperienza professionale", "Esperienze lavorative", "Esperienza"),
        "education": ("Istruzione", "Formazione", "Istruzione e formazione"),
        "skills": ("Competenze", "Competenze tecniche", "Capacità"),
        "languages": ("Lingue", "Conoscenze linguistiche"),
        "interests": ("Interessi", "Hobby"),
    },
}

MONTHS_SHORT: dict[str, tuple[str, ...]] = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "de": ("Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.",
           "Nov.", "Dez."),
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
           "nov.", "déc."),
    "es": ("ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sept.", "oct.",
           "nov.", "dic."),
    "pt": ("jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.",
           "nov.", "dez."),
    "it": ("gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"),
}  # fmt: skip
MONTHS_LONG: dict[str, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
    "pt": ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
           "setembro", "outubro", "novembro", "dezembro"),
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
           "settembre", "ottobre", "novembre", "dicembre"),
}  # fmt: skip
PRESENT_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("Present", "Current", "Now"),
    "de": ("heute", "aktuell", "Heute"),
    "fr": ("En cours", "aujourd'hui", "Présent"),
    "es": ("Actualidad", "Presente", "actual"),
    "pt": ("atual", "Presente", "o momento"),
    "it": ("Presente", "in corso", "oggi"),
}
DATE_STYLES = ("short", "long", "numeric", "iso", "dotted", "year")
DASHES = (" – ", " - ", " — ", "–")
# "none": the achievements are one paragraph, not a list.
BULLETS = ("•", "–", "▪", "◦", "➢", "✓", "-", "*", "none")

TITLES: dict[str, tuple[str, ...]] = {
    "en": ("Data Engineer", "Software Developer", "Project Manager", "Marketing Analyst",
           "Senior Accountant", "UX Designer", "Operations Lead", "Research Assistant",
           "Customer Success Manager", "Backend Engineer"),
    "de": ("Softwareentwickler", "Projektleiterin", "Datenanalyst", "Vertriebsleiter",
           "Werkstudentin Controlling", "Systemadministrator", "Produktmanagerin",
           "Wissenschaftlicher Mitarbeiter"),
    "fr": ("Ingénieur logiciel", "Cheffe de projet", "Analyste financier", "Responsable marketing",
           "Développeuse web", "Consultant SI", "Chargée de communication"),
    "es": ("Desarrollador de software", "Jefa de proyecto", "Analista de datos",
           "Responsable de ventas", "Ingeniera de calidad", "Técnico de soporte"),
    "pt": ("Desenvolvedor de software", "Gerente de projetos", "Analista de dados",
           "Engenheira de produção", "Coordenador de vendas", "Designer de produto"),
    "it": ("Sviluppatore software", "Responsabile di progetto", "Analista dati",
           "Ingegnere meccanico", "Addetta alle vendite", "Consulente IT"),
}  # fmt: skip
COMPANY_STEMS = ("Nordvik", "Brightwater", "Kestrel", "Lumora", "Vantiq", "Halvard", "Orbisa",
                 "Tessaro", "Quillon", "Marendo", "Sylvant", "Corvida", "Peltari", "Ostrava Data",
                 "Fenwick & Hale", "Arbolé", "Caldera", "Mirador", "Ventisca",
                 "Solvane")  # fmt: skip
COMPANY_SUFFIXES: dict[str, tuple[str, ...]] = {
    "en": ("Systems", "Labs", "Analytics", "Inc.", "Ltd", "Group"),
    "de": ("GmbH", "AG", "Software GmbH", "Consulting"),
    "fr": ("SAS", "SA", "Conseil", "Technologies"),
    "es": ("S.L.", "S.A.", "Consultores", "Tecnología"),
    "pt": ("Ltda.", "S.A.", "Tecnologia", "Consultoria"),
    "it": ("S.r.l.", "S.p.A.", "Consulting", "Tecnologie"),
}
CITIES: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("Leeds", "UK"), ("Portland", "OR"), ("Toronto", "ON"), ("Dublin", "IE"),
           ("Austin", "TX"), ("Glasgow", "UK")),
    "de": (("Leipzig", "DE"), ("Graz", "AT"), ("Bremen", "DE"), ("Basel", "CH"),
           ("Münster", "DE")),
    "fr": (("Lyon", "FR"), ("Nantes", "FR"), ("Lausanne", "CH"), ("Lille", "FR"),
           ("Montréal", "QC")),
    "es": (("Valencia", "ES"), ("Bilbao", "ES"), ("Córdoba", "AR"), ("Sevilla", "ES"),
           ("Querétaro", "MX")),
    "pt": (("Porto", "PT"), ("Curitiba", "BR"), ("Braga", "PT"), ("Recife", "BR"),
           ("Coimbra", "PT")),
    "it": (("Torino", "IT"), ("Bologna", "IT"), ("Padova", "IT"), ("Bari", "IT"),
           ("Trento", "IT")),
}  # fmt: skip
PHONES: dict[str, str] = {
    "en": "+44 7700 9{a:02d} {b:03d}",
    "de": "+49 151 {c:03d} {b:03d}{a:02d}",
    "fr": "+33 6 {a:02d} {c:03d} {b:03d}",
    "es": "+34 612 {c:03d} {b:03d}",
    "pt": "+351 912 {c:03d} {b:03d}",
    "it": "+39 347 {c:03d} {b:04d}",
}
INSTITUTIONS: dict[str, tuple[str, ...]] = {
    "en": (
        "{city} Institute of Technology",
        "University of {city}",
        "{city} Business School",
        "St. Aldric College",
    ),
    "de": ("Universität {city}", "Technische Hochschule {city}", "Hochschule {city}"),
    "fr": (
        "Université de {city}",
        "École supérieure d'ingénieurs de {city}",
        "Institut national de {city}",
    ),
    "es": (
        "Universidad de {city}",
        "Universidad Politécnica de {city}",
        "Escuela de Negocios de {city}",
    ),
    "pt": (
        "Universidade de {city}",
        "Instituto Politécnico de {city}",
        "Universidade Federal de {city}",
    ),
    "it": ("Università di {city}", "Politecnico di {city}", "Università degli Studi di {city}"),
}
DEGREES: dict[str, tuple[str, ...]] = {
    "en": ("B.Sc.", "M.Sc.", "Bachelor of Arts", "Master of Engineering", "PhD"),
    "de": ("Bachelor of Science", "Master of Science", "Diplom", "M.A."),
    "fr": ("Licence", "Master", "Diplôme d'ingénieur", "DUT"),
    "es": ("Grado", "Máster", "Licenciatura"),
    "pt": ("Bacharelado", "Mestrado", "Licenciatura"),
    "it": ("Laurea triennale", "Laurea magistrale", "Master"),
}
AREAS: dict[str, tuple[str, ...]] = {
    "en": (
        "Computer Science",
        "Economics",
        "Mechanical Engineering",
        "Statistics",
        "Industrial Design",
    ),
    "de": ("Informatik", "Wirtschaftsinformatik", "Maschinenbau", "Betriebswirtschaftslehre"),
    "fr": ("Informatique", "Génie industriel", "Économie", "Mathématiques appliquées"),
    "es": ("Ingeniería Informática", "Administración de Empresas", "Estadística"),
    "pt": ("Ciência da Computação", "Engenharia Civil", "Administração"),
    "it": ("Ingegneria Informatica", "Economia", "Fisica", "Design del prodotto"),
}
DEGREE_JOINERS = {
    "en": " in ",
    "de": " in ",
    "fr": " en ",
    "es": " en ",
    "pt": " em ",
    "it": " in ",
}

SKILL_GROUPS: dict[str, tuple[str, ...]] = {
    "en": ("Programming", "Tools", "Data", "Cloud"),
    "de": ("Programmierung", "Werkzeuge", "Daten", "Cloud"),
    "fr": ("Programmation", "Outils", "Données", "Cloud"),
    "es": ("Programación", "Herramientas", "Datos", "Nube"),
    "pt": ("Programação", "Ferramentas", "Dados", "Nuvem"),
    "it": ("Programmazione", "Strumenti", "Dati", "Cloud"),
}
SKILL_WORDS = ("Python", "SQL", "Kubernetes", "Terraform", "Figma", "Excel", "Tableau",
               "PostgreSQL", "React", "TypeScript", "Go", "Rust", "Docker", "Spark", "Airflow",
               "Salesforce", "Jira", "Power BI", "Kotlin", "GraphQL", "Redis", "Kafka",
               "Snowflake", "dbt", "Blender", "AutoCAD", "SolidWorks", "MATLAB")  # fmt: skip
SPOKEN: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("English", "Native"), ("Spanish", "Fluent"), ("German", "Intermediate")),
    "de": (("Deutsch", "Muttersprache"), ("Englisch", "fließend"),
           ("Französisch", "Grundkenntnisse")),
    "fr": (("Français", "langue maternelle"), ("Anglais", "courant"),
           ("Espagnol", "intermédiaire")),
    "es": (("Español", "nativo"), ("Inglés", "avanzado"), ("Portugués", "básico")),
    "pt": (("Português", "nativo"), ("Inglês", "fluente"), ("Espanhol", "intermediário")),
    "it": (("Italiano", "madrelingua"), ("Inglese", "fluente"), ("Tedesco", "base")),
}  # fmt: skip
INTERESTS: dict[str, tuple[str, ...]] = {
    "en": ("Trail running", "Chess", "Ceramics", "Choir singing", "Sailing"),
    "de": ("Bergwandern", "Schach", "Fotografie", "Chorgesang", "Segeln"),
    "fr": ("Randonnée", "Échecs", "Photographie", "Théâtre", "Voile"),
    "es": ("Senderismo", "Ajedrez", "Fotografía", "Cerámica", "Vela"),
    "pt": ("Trilhas", "Xadrez", "Fotografia", "Surfe", "Cerâmica"),
    "it": ("Escursionismo", "Scacchi", "Fotografia", "Ciclismo", "Vela"),
}

# Achievements: a verb phrase, then an object; numbers are filled in from the seed.
ACHIEVEMENTS: dict[str, tuple[str, ...]] = {
    "en": (
        "Reduced {thing} by {n}% through a redesign of the nightly pipeline",
        "Led a team of {k} engineers delivering {product} ahead of schedule",
        "Built {product} now used by {k} departments every week",
        "Migrated {thing} to {tool}, cutting maintenance effort in half",
        "Automated {thing} with {tool}, saving about {k} hours per week",
        "Mentored {k} junior colleagues and ran the onboarding programme",
        "Negotiated supplier contracts worth {n}k EUR per year",
    ),
    "de": (
        "Senkung der {thing} um {n}% durch eine neue Prozesskette",
        "Leitung eines Teams von {k} Personen bei der Einführung von {product}",
        "Aufbau von {product}, heute von {k} Abteilungen genutzt",
        "Migration der {thing} nach {tool} mit halbiertem Wartungsaufwand",
        "Automatisierung der {thing} mit {tool}, rund {k} Stunden pro Woche gespart",
        "Betreuung von {k} Werkstudierenden und Gestaltung der Einarbeitung",
    ),
    "fr": (
        "Réduction de {thing} de {n}% grâce à une refonte des traitements",
        "Pilotage d'une équipe de {k} personnes pour livrer {product}",
        "Conception de {product}, utilisé chaque semaine par {k} services",
        "Migration de {thing} vers {tool} avec deux fois moins de maintenance",
        "Automatisation de {thing} avec {tool}, soit {k} heures gagnées par semaine",
        "Encadrement de {k} stagiaires et animation des ateliers internes",
    ),
    "es": (
        "Reducción de {thing} en un {n}% mediante un nuevo flujo de trabajo",
        "Dirección de un equipo de {k} personas para lanzar {product}",
        "Desarrollo de {product}, usado por {k} departamentos cada semana",
        "Migración de {thing} a {tool}, con la mitad de mantenimiento",
        "Automatización de {thing} con {tool}, ahorrando {k} horas semanales",
        "Formación de {k} becarios y coordinación de la acogida",
    ),
    "pt": (
        "Redução de {thing} em {n}% com um novo fluxo de processamento",
        "Liderança de uma equipe de {k} pessoas na entrega de {product}",
        "Criação de {product}, usado por {k} departamentos toda semana",
        "Migração de {thing} para {tool}, com metade da manutenção",
        "Automação de {thing} com {tool}, economizando {k} horas por semana",
        "Mentoria de {k} estagiários e condução do programa de integração",
    ),
    "it": (
        "Riduzione di {thing} del {n}% con una nuova catena di elaborazione",
        "Guida di un gruppo di {k} persone nel rilascio di {product}",
        "Realizzazione di {product}, usato da {k} reparti ogni settimana",
        "Migrazione di {thing} su {tool}, dimezzando la manutenzione",
        "Automazione di {thing} con {tool}, risparmiando {k} ore a settimana",
        "Affiancamento di {k} stagisti e gestione dell'inserimento",
    ),
}
THINGS: dict[str, tuple[str, ...]] = {
    "en": ("report latency", "cloud costs", "invoice errors", "onboarding time", "stock-outs"),
    "de": ("Berichtslaufzeit", "Cloudkosten", "Rechnungsfehler", "Durchlaufzeit"),
    "fr": ("la latence des rapports", "les coûts d'hébergement", "les erreurs de facturation"),
    "es": ("la latencia de informes", "los costes de nube", "los errores de facturación"),
    "pt": ("a latência dos relatórios", "os custos de nuvem", "os erros de faturamento"),
    "it": ("la latenza dei report", "i costi del cloud", "gli errori di fatturazione"),
}
PRODUCTS: dict[str, tuple[str, ...]] = {
    "en": ("a pricing dashboard", "the customer portal", "an internal search tool"),
    "de": ("ein Preis-Dashboard", "das Kundenportal", "eine interne Suchplattform"),
    "fr": ("un tableau de bord tarifaire", "le portail client", "un moteur de recherche interne"),
    "es": ("un panel de precios", "el portal de clientes", "un buscador interno"),
    "pt": ("um painel de preços", "o portal do cliente", "uma busca interna"),
    "it": ("una dashboard dei prezzi", "il portale clienti", "un motore di ricerca interno"),
}
SUMMARIES: dict[str, str] = {
    "en": "{label} with {years} years of experience in {area}. Known for calm delivery, "
    "clear documentation and teams that keep shipping.",
    "de": "{label} mit {years} Jahren Erfahrung im Bereich {area}. Strukturiert, "
    "zuverlässig und gern im Austausch mit Fachabteilungen.",
    "fr": "{label} avec {years} ans d'expérience en {area}. Rigueur, sens du service et "
    "goût du travail en équipe.",
    "es": "{label} con {years} años de experiencia en {area}. Orientación a resultados y "
    "comunicación clara con los equipos.",
    "pt": "{label} com {years} anos de experiência em {area}. Organização, autonomia e "
    "boa comunicação com as equipes.",
    "it": "{label} con {years} anni di esperienza in {area}. Precisione, autonomia e "
    "attitudine al lavoro di squadra.",
}


@dataclass(frozen=True, slots=True)
class YearMonth:
    year: int
    month: int

    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(slots=True)
class Role:
    title: str
    employer: str
    city: str
    start: YearMonth
    end: YearMonth | None  # None: still there
    highlights: list[str]


@dataclass(slots=True)
class Study:
    institution: str
    degree: str
    area: str
    city: str
    start: YearMonth
    end: YearMonth


@dataclass(slots=True)
class SkillGroup:
    name: str
    keywords: list[str]


@dataclass(slots=True)
class FictionalResume:
    seed: int
    language: str
    script: str
    name: str
    label: str
    email: str
    phone: str
    city: str
    region: str
    website: str
    summary: str
    roles: list[Role]
    studies: list[Study]
    skills: list[SkillGroup]
    spoken: list[tuple[str, str]]
    interests: list[str]
    headings: dict[str, str]  # kind → heading as printed, in the order printed
    date_style: str
    present_word: str
    dash: str
    bullet: str
    photo: bool
    degree_joiner: str = " in "
    extras: dict[str, Any] = field(default_factory=dict)

    # --- dates as printed ---------------------------------------------------------------

    def date(self, when: YearMonth | None) -> str:
        if when is None:
            return self.present_word
        style = self.date_style
        if style == "short":
            return f"{MONTHS_SHORT[self.language][when.month - 1]} {when.year}"
        if style == "long":
            return f"{MONTHS_LONG[self.language][when.month - 1]} {when.year}"
        if style == "numeric":
            return f"{when.month:02d}/{when.year}"
        if style == "iso":
            return when.iso()
        if style == "dotted":
            return f"{when.month:02d}.{when.year}"
        return str(when.year)

    def dates(self, start: YearMonth, end: YearMonth | None) -> str:
        return f"{self.date(start)}{self.dash}{self.date(end)}"

    def paragraph_of(self, highlights: list[str]) -> str:
        """The achievements as one paragraph, for the bullet style "none"."""
        return " ".join(f"{item}." for item in highlights)

    def degree_line(self, study: Study) -> str:
        return f"{study.degree}{self.degree_joiner}{study.area}"

    @property
    def kinds(self) -> list[str]:
        return list(self.headings)

    # --- JSON Resume, for engines that read it ----------------------------------------------

    def json_resume(self) -> dict[str, Any]:
        """The content as JSON Resume (ISO dates; an open end is left empty)."""
        return {
            "basics": {
                "name": self.name,
                "label": self.label,
                "email": self.email,
                "phone": self.phone,
                "url": self.website,
                "summary": self.summary,
                "location": {"city": self.city, "region": self.region},
                "profiles": [],
            },
            "work": [
                {
                    "name": role.employer,
                    "position": role.title,
                    "location": role.city,
                    "startDate": role.start.iso(),
                    "endDate": role.end.iso() if role.end else "",
                    "summary": "",
                    "highlights": list(role.highlights),
                }
                for role in self.roles
            ],
            "education": [
                {
                    "institution": study.institution,
                    "studyType": study.degree,
                    "area": study.area,
                    "location": study.city,
                    "startDate": study.start.iso(),
                    "endDate": study.end.iso(),
                }
                for study in self.studies
            ],
            "skills": [{"name": g.name, "level": "", "keywords": g.keywords} for g in self.skills],
            "languages": [{"language": name, "fluency": level} for name, level in self.spoken],
            "interests": [{"name": name, "keywords": []} for name in self.interests],
        }

    # --- truth ------------------------------------------------------------------------------

    def truth(
        self,
        *,
        family: str,
        layout: str,
        file_format: str,
        sections: list[str] | None = None,
        degree_as_printed: bool = True,
    ) -> dict[str, Any]:
        """The truth file for this résumé as rendered by `family` (same keys as the corpus's).

        `sections` are the headings the engine printed when they are not this résumé's own
        (a theme with fixed English headings).
        """
        keywords = [k for group in self.skills for k in group.keywords]
        sample = random.Random(self.seed).sample(keywords, min(5, len(keywords)))
        return {
            "generator": "tests/layouts",
            "family": family,
            "seed": self.seed,
            "language": self.language,
            "name": self.name,
            "email": self.email,
            "phone": self.phone,
            "sections": list(sections if sections is not None else self.headings.values()),
            "experience": [
                {
                    "title": role.title,
                    "organization": role.employer,
                    "start": self.date(role.start),
                    # An open end is "Present" in the truth, whatever word was printed, so the
                    # scorer checks that the parse left it open.
                    "end": "Present" if role.end is None else self.date(role.end),
                    "dates": self.dates(role.start, role.end),
                    "location": role.city,
                }
                for role in self.roles
            ],
            "education": [
                {
                    "institution": study.institution,
                    "degree": self.degree_line(study)
                    if degree_as_printed
                    else f"{study.degree} {study.area}",
                    "dates": self.dates(study.start, study.end),
                }
                for study in self.studies
            ],
            "skills_sample": sample,
            "format": file_format,
            "layout": layout,
        }


# --- drawing a résumé from a seed -------------------------------------------------------------


def make_resume(
    seed: int, *, scripts: tuple[str, ...] = SCRIPTS, size: str = ""
) -> FictionalResume:
    """A fictional résumé drawn from `seed`; `size` ("short", "medium", "long") sets its length."""
    rng = random.Random(seed)
    language = _weighted(rng, LANGUAGE_WEIGHTS)
    script = _weighted(rng, {s: w for s, w in SCRIPT_WEIGHTS.items() if s in scripts})
    name, handle = rng.choice(NAMES[script])
    size = size or rng.choice(("short", "medium", "medium", "long"))
    role_count, bullet_count, study_count = {
        "short": (2, 2, 1),
        "medium": (rng.randint(3, 4), rng.randint(2, 4), rng.randint(1, 2)),
        "long": (rng.randint(6, 8), rng.randint(4, 6), 2),
    }[size]
    city, region = rng.choice(CITIES[language])
    titles = rng.sample(TITLES[language], min(role_count, len(TITLES[language])))
    titles += [rng.choice(TITLES[language]) for _ in range(role_count - len(titles))]
    roles = _career(rng, language, titles, bullet_count)
    studies = _studies(rng, language, study_count, before=roles[-1].start.year)
    a, b, c = rng.randint(10, 99), rng.randint(100, 999), rng.randint(100, 999)
    label = titles[0]
    headings = _headings(rng, language)
    return FictionalResume(
        seed=seed,
        language=language,
        script=script,
        name=name,
        label=label,
        email=f"{handle}@{rng.choice(DOMAINS)}",
        phone=PHONES[language].format(a=a, b=b, c=c),
        city=city,
        region=region,
        website=f"{handle.replace('.', '')}.example.net",
        summary=SUMMARIES[language].format(
            label=label, years=2026 - roles[-1].start.year, area=studies[0].area
        ),
        roles=roles,
        studies=studies,
        skills=_skills(rng, language),
        spoken=list(SPOKEN[language][: rng.randint(2, 3)]),
        interests=rng.sample(INTERESTS[language], 3),
        headings=headings,
        date_style=rng.choice(DATE_STYLES),
        present_word=rng.choice(PRESENT_WORDS[language]),
        dash=rng.choice(DASHES),
        bullet=rng.choice(BULLETS),
        photo=rng.random() < 0.5,
        degree_joiner=DEGREE_JOINERS[language],
    )


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    names = list(weights)
    return rng.choices(names, weights=[weights[n] for n in names])[0]


def _company(rng: random.Random, language: str, taken: set[str]) -> str:
    while True:
        name = f"{rng.choice(COMPANY_STEMS)} {rng.choice(COMPANY_SUFFIXES[language])}"
        if name not in taken:
            taken.add(name)
            return name


def _career(rng: random.Random, language: str, titles: list[str], bullets: int) -> list[Role]:
    """Jobs newest first, each ending where the next-newer one starts (the newest still open)."""
    roles: list[Role] = []
    taken: set[str] = set()
    end: YearMonth | None = None if rng.random() < 0.7 else YearMonth(2025, rng.randint(1, 12))
    cursor = YearMonth(2026, 6) if end is None else end
    for title in titles:
        months = rng.randint(10, 40)
        total = cursor.year * 12 + cursor.month - 1 - months
        start = YearMonth(total // 12, total % 12 + 1)
        roles.append(
            Role(
                title=title,
                employer=_company(rng, language, taken),
                city=rng.choice(CITIES[language])[0],
                start=start,
                end=end,
                highlights=[_achievement(rng, language) for _ in range(bullets)],
            )
        )
        gap = rng.randint(0, 3)
        total -= gap
        end = YearMonth(total // 12, total % 12 + 1)
        cursor = end
    return roles


def _achievement(rng: random.Random, language: str) -> str:
    return rng.choice(ACHIEVEMENTS[language]).format(
        thing=rng.choice(THINGS[language]),
        product=rng.choice(PRODUCTS[language]),
        tool=rng.choice(SKILL_WORDS),
        n=rng.randint(12, 64),
        k=rng.randint(3, 14),
    )


def _studies(rng: random.Random, language: str, count: int, *, before: int) -> list[Study]:
    studies = []
    end_year = before
    for _ in range(count):
        city = rng.choice(CITIES[language])[0]
        start_year = end_year - rng.randint(2, 4)
        studies.append(
            Study(
                institution=rng.choice(INSTITUTIONS[language]).format(city=city),
                degree=rng.choice(DEGREES[language]),
                area=rng.choice(AREAS[language]),
                city=city,
                start=YearMonth(start_year, 9),
                end=YearMonth(end_year, rng.choice((6, 7, 9))),
            )
        )
        end_year = start_year
    return studies


def _skills(rng: random.Random, language: str) -> list[SkillGroup]:
    words = rng.sample(SKILL_WORDS, 12)
    names = SKILL_GROUPS[language]
    count = rng.randint(2, 3)
    return [SkillGroup(names[i], words[i * 4 : i * 4 + 4]) for i in range(count)]


def _headings(rng: random.Random, language: str) -> dict[str, str]:
    vocabulary = HEADINGS[language]
    middle = ["work", "education"] if rng.random() < 0.75 else ["education", "work"]
    order = ["summary", *middle, "skills", "languages"]
    if rng.random() < 0.5:
        order.append("interests")
    return {kind: rng.choice(vocabulary[kind]) for kind in order}
