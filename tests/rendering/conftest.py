"""Résumé and cover-letter fixtures for rendering tests: a made-up person, two pages' worth."""

from __future__ import annotations

import pytest

from resumeforge.resume.schemas import CoverLetter, Resume


def two_page_resume() -> Resume:
    """A realistic senior engineer's résumé (invented), long enough for two Letter pages."""
    return Resume.model_validate(
        {
            "basics": {
                "name": "Marisol Okonkwo-Lindqvist",
                "label": "Senior Backend Engineer",
                "email": "marisol.okonkwo@example.com",
                "phone": "+1 (415) 555-0142",
                "url": "https://marisol.example.dev",
                "summary": (
                    "Backend engineer with eleven years building payment and logistics "
                    "platforms in Python and Go. Led the migration of a monolith serving "
                    "40 million requests a day to event-driven services, cutting p99 latency "
                    "by 63%. Mentor, occasional conference speaker, and a believer in boring "
                    "technology chosen on purpose."
                ),
                "location": {"city": "Oakland", "region": "CA", "countryCode": "US"},
                "profiles": [
                    {
                        "network": "LinkedIn",
                        "username": "marisol-ol",
                        "url": "https://www.linkedin.com/in/marisol-ol",
                    },
                    {"network": "GitHub", "username": "msol", "url": "https://github.com/msol"},
                ],
            },
            "work": [
                {
                    "name": "Tidewater Logistics",
                    "position": "Staff Software Engineer",
                    "location": "San Francisco, CA",
                    "startDate": "2021-04",
                    "endDate": "Present",
                    "summary": "Technical lead for the shipment-tracking platform (14 engineers).",
                    "highlights": [
                        "Designed the event-sourced tracking service that replaced nightly "
                        "batch jobs; carriers now see status changes within 2 seconds.",
                        "Cut cloud spend by $1.2M a year by moving cold telemetry to "
                        "object storage with Parquet and partition pruning.",
                        "Introduced contract tests between 23 services, halving integration "
                        "incidents over two quarters.",
                        "Mentored six engineers, two of whom were promoted to senior.",
                    ],
                },
                {
                    "name": "Brightledger",
                    "position": "Senior Software Engineer",
                    "location": "Oakland, CA",
                    "startDate": "2017-09",
                    "endDate": "2021-03",
                    "highlights": [
                        "Built the double-entry ledger behind card settlements: 9 billion "
                        "dollars a year reconciled to the cent.",
                        "Led the PostgreSQL 9.6 to 13 upgrade with zero downtime using logical "
                        "replication.",
                        "Wrote the idempotency layer for the public API, ending duplicate "
                        "charges from client retries.",
                        "On-call lead; rewrote runbooks and cut mean time to recovery from "
                        "48 to 17 minutes.",
                    ],
                },
                {
                    "name": "Fernhill Analytics",
                    "position": "Software Engineer",
                    "location": "Portland, OR",
                    "startDate": "2014-06",
                    "endDate": "2017-08",
                    "highlights": [
                        "Shipped the first version of the customer-facing reporting API in "
                        "Flask, later ported to Go for a 5x throughput gain.",
                        "Automated deployment with Ansible and Jenkins, from fortnightly "
                        "releases to several a day.",
                        "Added full-text search over 300 million documents with Elasticsearch.",
                    ],
                },
                {
                    "name": "Columbia River Credit Union",
                    "position": "Junior Developer",
                    "location": "Vancouver, WA",
                    "startDate": "2012-07",
                    "endDate": "2014-05",
                    "highlights": [
                        "Maintained the online-banking back end (Java, Oracle) and wrote its "
                        "first automated test suite.",
                        "Built an internal tool for loan officers that replaced three "
                        "spreadsheets and a fax machine.",
                    ],
                },
            ],
            "education": [
                {
                    "institution": "Oregon State University",
                    "area": "Computer Science",
                    "studyType": "Bachelor of Science",
                    "location": "Corvallis, OR",
                    "startDate": "2008-09",
                    "endDate": "2012-06",
                    "score": "GPA 3.7",
                },
                {
                    "institution": "Portland Community College",
                    "area": "Mathematics",
                    "studyType": "Associate of Science",
                    "startDate": "2006",
                    "endDate": "2008",
                },
            ],
            "skills": [
                {"name": "Languages", "keywords": ["Python", "Go", "SQL", "TypeScript", "Java"]},
                {
                    "name": "Data",
                    "keywords": ["PostgreSQL", "Kafka", "Redis", "Elasticsearch", "Parquet"],
                },
                {
                    "name": "Infrastructure",
                    "keywords": ["Kubernetes", "Terraform", "AWS", "GCP", "GitHub Actions"],
                },
                {
                    "name": "Practices",
                    "keywords": ["Event sourcing", "Contract testing", "Incident response"],
                },
            ],
            "projects": [
                {
                    "name": "pg-partman-lite",
                    "description": "A small open-source tool to automate time-based "
                    "PostgreSQL partitions.",
                    "highlights": ["About 900 stars on GitHub; used in production by 40+ teams."],
                    "keywords": ["PostgreSQL", "Python"],
                    "url": "https://github.com/msol/pg-partman-lite",
                    "startDate": "2019",
                },
                {
                    "name": "Shipping Rates Simulator",
                    "description": "A teaching simulator for queueing theory used in a "
                    "community-college course.",
                    "startDate": "2016",
                    "endDate": "2018",
                },
            ],
            "certificates": [
                {
                    "name": "Certified Kubernetes Administrator",
                    "issuer": "CNCF",
                    "date": "2022-11",
                },
                {
                    "name": "AWS Solutions Architect – Associate",
                    "issuer": "Amazon Web Services",
                    "date": "2020-02",
                },
            ],
            "awards": [
                {
                    "title": "Engineering Excellence Award",
                    "awarder": "Brightledger",
                    "date": "2019",
                    "summary": "For the zero-downtime ledger migration.",
                }
            ],
            "languages": [
                {"language": "English", "fluency": "Native"},
                {"language": "Spanish", "fluency": "Professional"},
                {"language": "Swedish", "fluency": "Conversational"},
            ],
            "meta": {
                "sections": [
                    {"heading": "Summary", "kind": "summary"},
                    {"heading": "Experience", "kind": "work"},
                    {"heading": "Education", "kind": "education"},
                    {"heading": "Skills", "kind": "skills"},
                    {"heading": "Projects", "kind": "projects"},
                    {"heading": "Certifications", "kind": "certificates"},
                    {"heading": "Awards", "kind": "awards"},
                    {"heading": "Languages", "kind": "languages"},
                    {
                        "heading": "Speaking",
                        "kind": "other",
                        "text": "PyCon US 2023 – “Ledgers that add up”\n"
                        "GopherCon EU 2021 – “Idempotency keys in practice”",
                    },
                ]
            },
        }
    )


def cover_letter_for(resume: Resume) -> CoverLetter:
    return CoverLetter(
        sender=resume.basics,
        date="26 November 2026",
        recipient="Hiring Manager",
        company="Northwind Freight",
        company_address="500 Harbor Way\nSeattle, WA 98104",
        greeting="Dear Hiring Manager,",
        paragraphs=[
            "I am writing to apply for the Principal Engineer role on your routing platform. "
            "For eleven years I have built systems that move money and parcels reliably, and "
            "Northwind's move to real-time routing is exactly the problem I want to work on next.",
            "At Tidewater Logistics I lead the shipment-tracking platform. We replaced nightly "
            "batch jobs with an event-sourced service, so carriers now see changes within two "
            "seconds, and we cut cloud spend by $1.2M a year along the way.",
            "Before that, at Brightledger, I built the ledger behind card settlements and led a "
            "zero-downtime PostgreSQL upgrade. I care about boring, observable systems and about "
            "helping the engineers around me grow.",
            "I would welcome the chance to talk about how I could help your team.",
        ],
        closing="Sincerely,",
        name=resume.basics.name,
    )


@pytest.fixture
def resume() -> Resume:
    return two_page_resume()


@pytest.fixture
def cover_letter(resume: Resume) -> CoverLetter:
    return cover_letter_for(resume)
