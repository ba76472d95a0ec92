"""LaTeX from Debian's TeX Live: an article-class résumé of the kind most LaTeX templates are
(small-caps headings over a rule, tabular* rows with dates flush right, itemized bullets), a
two-column one with paracol, and the curve class (dates in the margin of each rubric).

moderncv needs fontawesome5 (texlive-fonts-extra, 500 MB) and europecv no longer compiles with
TeX Live 2022's hook rules, so neither is a family here."""

from __future__ import annotations

import re
from pathlib import Path

from tests.layouts.engines import compile_latex
from tests.layouts.factory import FictionalResume

_SPECIAL = re.compile(r"([&%$#_{}~^\\])")
_REPLACEMENTS = {"~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}"}


def tex(text: str) -> str:
    return _SPECIAL.sub(lambda m: _REPLACEMENTS.get(m.group(1), "\\" + m.group(1)), text)


# Bullet characters pdflatex's utf8 input does not know, as the symbols LaTeX users type.
TEX_BULLETS = {"•": r"\textbullet", "–": r"\textendash", "▪": r"$\blacksquare$",
               "◦": r"$\circ$", "➢": r"$\triangleright$", "✓": r"\checkmark", "*": r"$\ast$",
               "-": "-"}  # fmt: skip


def _items(resume: FictionalResume, highlights: list[str]) -> str:
    if resume.bullet == "none":
        return tex(resume.paragraph_of(highlights)) + r"\par"
    mark = TEX_BULLETS[resume.bullet]
    lines = "".join(f"\\item[{mark}] {tex(h)}\n" for h in highlights)
    return f"\\begin{{itemize}}\\setlength{{\\itemsep}}{{0pt}}\n{lines}\\end{{itemize}}"


PREAMBLE = r"""\usepackage[utf8]{inputenc}
\usepackage[T1]{fontenc}
\usepackage{lmodern}
\usepackage{amssymb}
"""


def article_tex(resume: FictionalResume) -> str:
    body = []
    for kind, heading in resume.headings.items():
        body.append(f"\\section*{{{tex(heading)}}}")
        if kind == "work":
            for role in resume.roles:
                body.append(
                    f"\\entry{{{tex(role.employer)}}}{{{tex(role.city)}}}"
                    f"{{{tex(role.title)}}}{{{tex(resume.dates(role.start, role.end))}}}"
                )
                body.append(_items(resume, role.highlights))
        elif kind == "education":
            for study in resume.studies:
                body.append(
                    f"\\entry{{{tex(study.institution)}}}{{{tex(study.city)}}}"
                    f"{{{tex(resume.degree_line(study))}}}"
                    f"{{{tex(resume.dates(study.start, study.end))}}}"
                )
        elif kind == "skills":
            rows = "".join(
                f"\\textbf{{{tex(g.name)}}}: {tex(', '.join(g.keywords))}\\\\\n"
                for g in resume.skills
            )
            body.append(f"\\noindent {rows}")
        elif kind == "languages":
            body.append(tex(", ".join(f"{n} ({level})" for n, level in resume.spoken)))
        elif kind == "summary":
            body.append(tex(resume.summary))
        else:
            body.append(tex(", ".join(resume.interests)))
    return (
        "\\documentclass[letterpaper,11pt]{article}\n" + PREAMBLE +
        "\\usepackage[margin=0.75in]{geometry}\n\\usepackage{titlesec}\n\\usepackage{enumitem}\n"
        "\\pagestyle{empty}\n\\setlength{\\parindent}{0pt}\n"
        "\\titleformat{\\section}{\\scshape\\large}{}{0em}{}[\\titlerule]\n"
        "\\newcommand{\\entry}[4]{\\begin{tabular*}{\\textwidth}{l@{\\extracolsep{\\fill}}r}"
        "\\textbf{#1} & #2 \\\\ \\textit{#3} & \\textit{#4}\\end{tabular*}\\par}\n"
        "\\begin{document}\n\\begin{center}{\\Huge\\scshape "
        f"{tex(resume.name)}}}\\\\[4pt]\n"
        f"{tex(resume.phone)} $|$ {tex(resume.email)} $|$ {tex(resume.website)}\\end{{center}}\n"
        + "\n".join(body)
        + "\n\\end{document}\n"
    )  # fmt: skip


SIDE_KINDS = ("skills", "languages", "interests")


def _side_section(resume: FictionalResume, kind: str) -> str:
    if kind == "skills":
        return "".join(
            f"\\textbf{{{tex(g.name)}}}\\\\{tex(', '.join(g.keywords))}\\\\[3pt]\n"
            for g in resume.skills
        )
    if kind == "languages":
        return "".join(f"{tex(n)} -- {tex(level)}\\\\\n" for n, level in resume.spoken)
    return tex(", ".join(resume.interests))


def sidebar_tex(resume: FictionalResume) -> str:
    """Two columns with paracol: contact, skills and languages on a tinted left column."""
    side = [
        f"{tex(resume.email)}\\\\{tex(resume.phone)}\\\\{tex(resume.city)}, {tex(resume.region)}"
    ]
    main = []
    for kind, heading in resume.headings.items():
        if kind in SIDE_KINDS:
            side.append(f"\\section*{{{tex(heading)}}}\n{_side_section(resume, kind)}")
            continue
        main.append(f"\\section*{{{tex(heading)}}}")
        if kind == "work":
            for role in resume.roles:
                dates = tex(resume.dates(role.start, role.end))
                main.append(
                    f"\\textbf{{{tex(role.title)}}} \\hfill {dates}"
                    f"\\\\\\textit{{{tex(role.employer)}, {tex(role.city)}}}\\par"
                )
                main.append(_items(resume, role.highlights))
        elif kind == "education":
            for study in resume.studies:
                main.append(
                    f"\\textbf{{{tex(study.institution)}}} \\hfill "
                    f"{tex(resume.dates(study.start, study.end))}\\\\"
                    f"{tex(resume.degree_line(study))}\\par\\medskip"
                )
        else:
            main.append(tex(resume.summary))
    return (
        "\\documentclass[a4paper,10pt]{article}\n" + PREAMBLE +
        "\\usepackage[margin=1.5cm]{geometry}\n\\usepackage{paracol}\n\\usepackage{xcolor}\n"
        "\\usepackage{titlesec}\n\\usepackage{enumitem}\n\\pagestyle{empty}\n"
        "\\setlength{\\parindent}{0pt}\n"
        "\\titleformat{\\section}{\\bfseries\\color{teal}}{}{0em}{}\n"
        "\\begin{document}\n"
        f"{{\\huge\\bfseries {tex(resume.name)}}}\\\\[2pt]"
        f"{{\\large {tex(resume.label)}}}\\par\\bigskip\n"
        "\\columnratio{0.3}\n\\backgroundcolor{c[0]}{teal!8}\n\\begin{paracol}{2}\n"
        + "\n".join(side)
        + "\n\\switchcolumn\n"
        + "\n".join(main)
        + "\n\\end{paracol}\n\\end{document}\n"
    )  # fmt: skip


def _rubric(resume: FictionalResume, kind: str, heading: str) -> str:
    """One section of the curve class: a rubric of entries with the dates in its margin."""
    entries = []
    if kind == "work":
        for role in resume.roles:
            dates = tex(resume.dates(role.start, role.end))
            entries.append(
                f"\\entry*[{dates}] \\textbf{{{tex(role.title)}}}, "
                f"{tex(role.employer)}, {tex(role.city)}.\\par\n{_items(resume, role.highlights)}"
            )
    elif kind == "education":
        for study in resume.studies:
            entries.append(
                f"\\entry*[{tex(resume.dates(study.start, study.end))}] "
                f"\\textbf{{{tex(study.institution)}}}, {tex(resume.degree_line(study))}."
            )
    elif kind == "skills":
        entries += [f"\\entry*[{tex(g.name)}] {tex(', '.join(g.keywords))}" for g in resume.skills]
    elif kind == "languages":
        entries += [f"\\entry*[{tex(n)}] {tex(level)}" for n, level in resume.spoken]
    elif kind == "summary":
        entries.append(f"\\entry* {tex(resume.summary)}")
    else:
        entries.append(f"\\entry* {tex(', '.join(resume.interests))}")
    return f"\\begin{{rubric}}{{{tex(heading)}}}\n" + "\n".join(entries) + "\n\\end{rubric}\n"


def curve_tex(resume: FictionalResume) -> tuple[str, dict[str, str]]:
    """The curve class: name and contact as page headers, each section a rubric file."""
    rubrics = {
        f"rubric{i}": _rubric(resume, kind, heading)
        for i, (kind, heading) in enumerate(resume.headings.items())
    }
    contact = (
        f"{tex(resume.email)}\\\\{tex(resume.phone)}\\\\{tex(resume.city)}, {tex(resume.region)}"
    )
    document = (
        "\\documentclass[a4paper,11pt]{curve}\n" + PREAMBLE +
        "\\usepackage[margin=2cm]{geometry}\n"
        f"\\leftheader{{{{\\Huge\\bfseries {tex(resume.name)}}}\\\\[4pt]{tex(resume.label)}}}\n"
        f"\\rightheader{{{contact}}}\n"
        "\\begin{document}\n\\makeheaders[c]\n"
        + "".join(f"\\makerubric{{{name}}}\n" for name in rubrics)
        + "\\end{document}\n"
    )  # fmt: skip
    return document, rubrics


def latex_pdf(resume: FictionalResume, layout: str, out: Path) -> None:
    if layout == "curve":
        document, rubrics = curve_tex(resume)
        compile_latex(document, out, inputs=rubrics)
    elif layout == "sidebar":
        compile_latex(sidebar_tex(resume), out)
    else:
        compile_latex(article_tex(resume), out)
