"""One address, however it is spelt: sign-up and sign-in agree on case, accents and IDNA."""

from __future__ import annotations

import unicodedata

import httpx
import pytest

from resumeforge.accounts.emails import email_key, normalise_email

PASSWORD = "correct horse 1"

SPELLINGS = {
    # A capital dotted I: lower() and casefold() disagree on it; sign-in must not.
    "dotted capital": (
        "İnci@example.com",
        ["İnci@example.com", "İnci@example.com".upper(), "İnci@example.com".lower()],
    ),
    # "jörg" with o + combining diaeresis (NFD), as macOS keyboards send it.
    "decomposed": ("jo\u0308rg@example.com", ["jo\u0308rg@example.com", "jörg@example.com"]),
    # An IDNA domain in its ASCII form, signed into in its Unicode form and back.
    "idna": (
        "hans@xn--mnchen-3ya.example",
        ["hans@xn--mnchen-3ya.example", "hans@münchen.example"],
    ),
}


@pytest.mark.parametrize("case", SPELLINGS)
async def test_sign_in_with_the_spelling_used_at_sign_up(
    client: httpx.AsyncClient, case: str
) -> None:
    registered, sign_ins = SPELLINGS[case]
    created = await client.post(
        "/api/v1/auth/register", json={"email": registered, "password": PASSWORD}
    )
    assert created.status_code == 201, created.text
    for spelling in sign_ins:
        response = await client.post(
            "/api/v1/auth/login", json={"email": spelling, "password": PASSWORD}
        )
        assert response.status_code == 200, (spelling, response.text)
    again = await client.post(
        "/api/v1/auth/register", json={"email": sign_ins[-1], "password": PASSWORD}
    )
    assert again.status_code == 409, "another spelling of the same address is taken"


def test_the_stored_address_is_nfc_with_a_unicode_domain() -> None:
    assert normalise_email("jo\u0308rg@XN--MNCHEN-3YA.example") == "jörg@münchen.example"
    assert unicodedata.is_normalized("NFC", normalise_email("jo\u0308rg@example.com"))


def test_keys_fold_case_accents_and_domain_forms() -> None:
    assert email_key("İnci@Example.COM") == email_key("i̇nci@example.com")
    assert email_key("jo\u0308rg@example.com") == email_key("JÖRG@example.com")
    assert email_key("hans@münchen.example") == "hans@xn--mnchen-3ya.example"
    assert email_key("not an address") == "not an address"
    assert email_key("a@example.com") != email_key("b@example.com")
