"""One extractor per kind of fact, behind one interface: the seam where another way of finding
one kind (a parser, a model) can be tried, and graded, without touching the others.

The kinds run in this order, each seeing what the kinds before it found:

    meeting -> statements -> agreements -> commitments -> attendees

``pledgebot ingest --extractor statements=package.module:function`` swaps one of them in.
"""
from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from bot.extract.agents import Agent, Discourse
from bot.extract.agreements import extract_agreements, signed_commitments
from bot.extract.attendees import active_people, extract_attendees
from bot.extract.commitments import extract_commitments
from bot.extract.context import Context
from bot.extract.statements import extract_statements, written_names
from bot.extract.transcript import is_transcript, title_speaker, transcript_statements
from storage.records import Agreement, Attendance, Commitment, Statement

Fact_co = TypeVar("Fact_co", Statement, Agreement, Commitment, Attendance, covariant=True)


@dataclass
class Found:
    """What the kinds extracted so far found, and what a reader remembers of the document."""

    disc: Discourse = field(default_factory=Discourse)
    statements: tuple[Statement, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    transcript: bool = False
    host: Agent | None = None  # a transcript's speaker, named by its title


class Extractor(Protocol[Fact_co]):
    """Find the facts of one kind in a document whose meeting is already known (``ctx.date``)."""

    def __call__(self, ctx: Context, found: Found) -> tuple[Fact_co, ...]: ...


def statements(ctx: Context, found: Found) -> tuple[Statement, ...]:
    """Quotes and reported speech; a speech's whole body is its speaker's, named by its title."""
    rows = extract_statements(ctx, found.disc)
    found.transcript = is_transcript(ctx)
    if found.transcript:
        found.host = title_speaker(ctx)
        rows = transcript_statements(ctx, found.host)
    return tuple(rows)


def agreements(ctx: Context, found: Found) -> tuple[Agreement, ...]:
    """Documents signed, adopted or issued."""
    return tuple(extract_agreements(ctx, found.disc))


def commitments(ctx: Context, found: Found) -> tuple[Commitment, ...]:
    """Pledges, readiness, intent and support, and a signing for each signed agreement."""
    rows = extract_commitments(ctx, found.disc, list(found.statements))
    return tuple(rows + signed_commitments(list(found.agreements), rows))


def attendees(ctx: Context, found: Found) -> tuple[Attendance, ...]:
    """Who took part, including whoever speaks or commits from the event itself."""
    rows = extract_attendees(ctx, host=found.host, transcript=found.transcript,
                             speakers=active_people(found.statements, found.commitments))
    return tuple(written_names(found.disc, rows, ctx.index) if ctx.language != "en" else rows)


KINDS = ("statements", "agreements", "commitments", "attendees")


@dataclass(frozen=True)
class Extractors:
    """The extractor of each kind; ``replace`` one to try another way of finding that kind."""

    statements: Extractor[Statement] = statements
    agreements: Extractor[Agreement] = agreements
    commitments: Extractor[Commitment] = commitments
    attendees: Extractor[Attendance] = attendees


RULES = Extractors()


def load_extractors(spec: Mapping[str, str]) -> Extractors:
    """Return the rules with some kinds swapped: {"statements": "package.module:function"}."""
    chosen = {}
    for kind, target in spec.items():
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}; known: {', '.join(KINDS)}")
        module, _, name = target.partition(":")
        if not module or not name:
            raise ValueError(f"{target!r}: write the extractor as package.module:function")
        chosen[kind] = getattr(importlib.import_module(module), name)
    return Extractors(**chosen)
