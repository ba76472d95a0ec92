"""Contact details found in free text: e-mail addresses, phone numbers, links, a person's name."""

from __future__ import annotations

import re

EMAIL_RE = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][\w.+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
# Digits with the usual separators, optionally a (+CC) or +CC prefix and an extension.
PHONE_RE = re.compile(
    r"(?<![\w/])(?:\(\+?\d{1,4}\)[ \t]*|\+[ \t]?)?\(?\d[\d \t().-]{5,}\d(?![\d/])"
)
URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s|,;<>\"']+"
    r"|(?<![@\w.])(?:[\w-]+\.)*(?:linkedin\.com|github\.com|gitlab\.com|twitter\.com|x\.com|"
    r"medium\.com|behance\.net|dribbble\.com|stackoverflow\.com|fb\.co|kaggle\.com)/[^\s|,;]+",
    re.IGNORECASE,
)
_YEAR_RANGE_RE = re.compile(r"^(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d$")
# "07.06.1997", "7/6/1997": a date (of birth, say) has as many digits as a short phone number.
_DAY_MONTH_YEAR_RE = re.compile(r"^\d{1,2}\s*[./]\s*\d{1,2}\s*[./]\s*(?:19|20)\d\d$")
NETWORKS = {
    "linkedin": "LinkedIn", "github": "GitHub", "gitlab": "GitLab", "twitter": "Twitter",
    "x.com": "X", "medium": "Medium", "behance": "Behance", "dribbble": "Dribbble",
    "stackoverflow": "Stack Overflow", "kaggle": "Kaggle", "fb.co": "Facebook",
}  # fmt: skip
# Letters of any script: "Zoë", "Łukasz", "王小明", "عمر", "Дмитрий".
_NAME_WORD_RE = re.compile(r"^[^\W\d_][^\W\d_'’.-]*$|^[^\W\d_][\w'’.-]*[^\W\d_]$")
_NOT_NAME_WORDS = {
    "resume", "résumé", "cv", "curriculum", "vitae", "email", "phone", "address", "contact",
    "updated", "page", "mobile", "tel", "profile", "summary", "objective", "citizen",
    "lebenslauf", "currículum", "curriculo", "currículo", "profil", "perfil", "profilo",
}  # fmt: skip


def find_email(text: str) -> str:
    match = EMAIL_RE.search(text)
    return match.group(0).rstrip(".") if match else ""


def find_phone(text: str) -> str:
    """The first run of 7–15 digits that reads as a phone number, not a date or a range of years."""
    for match in PHONE_RE.finditer(text):
        candidate = match.group(0).strip(" .-")
        digits = re.sub(r"\D", "", candidate)
        if not 7 <= len(digits) <= 15 or _YEAR_RANGE_RE.match(candidate):
            continue
        if _DAY_MONTH_YEAR_RE.match(candidate):
            continue
        if re.fullmatch(r"[\d\s]+", candidate) and " " in candidate and len(digits) < 10:
            continue  # "2014 2015 2016" and similar lists of numbers
        if candidate.count("(") != candidate.count(")"):
            candidate = candidate.lstrip("(") if candidate.startswith("(") else candidate
        return candidate
    return ""


def find_urls(text: str) -> list[str]:
    return [match.group(0).rstrip(".)") for match in URL_RE.finditer(text)]


def network_of(url: str) -> str:
    lowered = url.casefold()
    return next((name for key, name in NETWORKS.items() if key in lowered), "")


def looks_like_name(text: str) -> bool:
    """One to five capitalised words of letters, such as 'Ana María López', 'CHRIS OH' or
    '王小明' (a script without capitals needs none)."""
    words = text.replace(",", " ").split()
    if not 1 <= len(words) <= 5 or len(text) > 50:
        return False
    if any(word.casefold().strip(".:") in _NOT_NAME_WORDS for word in words):
        return False
    if not all(_NAME_WORD_RE.match(word) for word in words):
        return False
    return not any(word[0].islower() for word in words if len(word) > 3 or word.isupper())
