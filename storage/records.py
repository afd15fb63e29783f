"""Records that extraction produces and the store keeps.

Every fact carries its provenance: the index of the sentence it came from and the character
offsets (``start``, ``end``) of that evidence in the document text.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

# How strongly an actor is bound: ordered from weakest to strongest.
COMMITMENT_KINDS = ("intent", "ready", "support", "pledge", "signed", "delivered", "other")


@dataclass(frozen=True)
class SourceDocument:
    """A document as ingested: its text and what is known about where it came from."""

    text: str
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) when known
    language: str | None = None  # "en", "uk", ...
    # How the file's bytes were read when not as clean UTF-8 ("read as Windows-1252"), for the
    # ingest report; not stored, and no part of the document's identity.
    note: str | None = field(default=None, compare=False)

    @property
    def content_hash(self) -> str:
        """Return a stable hash of the text, used to detect changes."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def key(self) -> str:
        """Return the document's identity: its URL, or its content where it has no URL."""
        basis = ("url:" + self.url) if self.url else ("text:" + self.content_hash)
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document with its character offsets."""

    index: int
    start: int
    end: int
    text: str
    boilerplate: bool = False  # page furniture (title, byline, "Source:" line): never an answer


@dataclass(frozen=True)
class Meeting:
    """The meeting a document reports on."""

    name: str | None = None
    date: str | None = None  # ISO date
    place: str | None = None
    format: str | None = None  # "Coalition of the Willing", "Ukraine Defense Contact Group", ...
    sentence: int | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Attendance:
    """A person, country or organisation that took part in the meeting."""

    name: str | None  # None when the text names only a role ("the Prime Minister of Canada")
    role: str | None
    country: str | None  # canonical English name
    org: str | None  # canonical organisation name
    sentence: int
    start: int
    end: int
    person_id: str | None = None  # gazetteer id when resolved
    mode: str | None = None  # "in person", "by video", or None when the text does not say


@dataclass(frozen=True)
class Statement:
    """Something a speaker said: a direct quote or reported speech."""

    speaker: str | None  # None when the attribution could not be resolved
    text: str  # the quoted words or the reported content
    quote: bool
    sentence: int
    start: int
    end: int
    person_id: str | None = None
    speaker_country: str | None = None
    speaker_org: str | None = None
    # How the speaker was found: "name", "role", "pronoun", "title", "context" or "unknown".
    attribution: str = "name"
    verb: str | None = None


@dataclass(frozen=True)
class Commitment:
    """What an actor committed to, and how strongly."""

    actor: str
    action: str
    kind: str  # one of COMMITMENT_KINDS
    sentence: int
    start: int
    end: int
    actor_country: str | None = None
    actor_org: str | None = None
    person_id: str | None = None
    amount: str | None = None
    timeframe: str | None = None
    conditional: bool = False
    condition: str | None = None
    collective: bool = False


@dataclass(frozen=True)
class Agreement:
    """A document signed (or announced as to be signed) and its parties."""

    title: str
    parties: tuple[str, ...]
    signed: bool
    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document."""

    sentences: tuple[Sentence, ...] = ()
    meeting: Meeting = field(default_factory=Meeting)
    attendees: tuple[Attendance, ...] = ()
    statements: tuple[Statement, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    agreements: tuple[Agreement, ...] = ()

    def counts(self) -> dict[str, int]:
        """Return how many facts of each kind were extracted."""
        return {
            "attendees": len(self.attendees),
            "statements": len(self.statements),
            "commitments": len(self.commitments),
            "agreements": len(self.agreements),
        }
