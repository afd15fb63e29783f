"""Documents and extractions written for the alert tests (our own sentences, not the corpus)."""

from __future__ import annotations

from storage.records import Agreement, Attendance, Commitment, Extraction, Meeting, SourceDocument, Statement

TEXT = (
    "Leaders met in Oslo on 3 February 2026. Norway pledged 200 million euros for energy repairs. "
    '"We stand with Ukraine," said Jonas Gahr Store. Finland and Ukraine signed the Oslo Accord.'
)


def doc(
    text: str = TEXT,
    *,
    url: str = "https://news.example/oslo",
    title: str = "Leaders meet in Oslo",
    published: str | None = "2026-02-03",
) -> SourceDocument:
    """Return a document about a made-up meeting in Oslo."""
    return SourceDocument(text=text, url=url, title=title, publisher="Example News", published=published)


def pledge(
    actor: str = "Norway",
    kind: str = "pledge",
    action: str = "200 million euros for energy repairs",
    country: str | None = "Norway",
) -> Commitment:
    """Return a commitment of ``actor``."""
    return Commitment(
        actor=actor,
        action=action,
        kind=kind,
        sentence=1,
        start=40,
        end=100,
        actor_country=country,
        amount="200 million euros",
    )


def quote(
    speaker: str = "Jonas Gahr Store",
    text: str = "We stand with Ukraine",
    person_id: str | None = None,
    country: str | None = "Norway",
) -> Statement:
    """Return a direct quote."""
    return Statement(
        speaker=speaker,
        text=text,
        quote=True,
        sentence=2,
        start=101,
        end=150,
        person_id=person_id,
        speaker_country=country,
    )


def extraction(
    *,
    commitments: tuple[Commitment, ...] = (),
    statements: tuple[Statement, ...] = (),
    agreements: tuple[Agreement, ...] = (),
    attendees: tuple[Attendance, ...] = (),
    meeting: Meeting | None = None,
) -> Extraction:
    """Return an extraction with the given facts and a meeting in Oslo."""
    return Extraction(
        meeting=meeting or Meeting(name="Nordic leaders' meeting", date="2026-02-03", place="Oslo"),
        commitments=commitments,
        statements=statements,
        agreements=agreements,
        attendees=attendees,
    )


ACCORD = Agreement(
    title="Oslo Accord", parties=("Finland", "Ukraine"), signed=True, sentence=3, start=151, end=190
)
FINLAND = Attendance(name=None, role=None, country="Finland", org=None, sentence=0, start=0, end=10)
