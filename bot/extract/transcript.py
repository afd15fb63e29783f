"""Speeches and press-conference transcripts: first-person text whose speaker is named only in
the title or header ("PM statement at press conference ...", "Press conference with NATO
Secretary General Mark Rutte and ...")."""
from __future__ import annotations

import re

from bot.extract import lexicon
from bot.extract.agents import Agent, person_agent
from bot.extract.alternation import alternatives, by_first_letter
from bot.extract.context import Context
from bot.extract.people import people_in
from bot.extract.titles import WORD_START
from bot.extract.turns import turn_labels
from storage.records import Sentence, Statement

_FIRST_PERSON = re.compile(
    r"(?i)" + WORD_START + by_first_letter(alternatives(r"I|we|our|us|my|me|ми|я|наш\w*")) + r"\b")
# "PM statement ...", "Chancellor's speech ...": the title names the speaker (speaker_titles.txt).
_TITLE_ROLE = re.compile(r"\b(?P<role>" + by_first_letter(lexicon.fragments("en", "speaker_titles")) + r")\b")
_VOCATIVE = re.compile(r"(?i)\bdear\s+((?:Mr\.?\s+|Mrs\.?\s+|Madam\s+)?[A-Z][\w-]*)")
# "Good morning.", "Thank you, Mr President.": openings that say nothing (greetings.txt).
_GREETING = re.compile(r"(?i)^" + by_first_letter(lexicon.fragments("en", "greetings")) + r"\b")
_PASSAGE = 280  # characters: a transcript is stored as passages of a few sentences


# A text several signatories issue speaks as "we" too, but it is no one person's speech.
_JOINT = re.compile(r"(?i)^\s*(?:joint\s+(?:statement|declaration|communiqu)|communiqu|"
                    r"спільн\w+\s+(?:заяв|декларац))")


def is_transcript(ctx: Context) -> bool:
    """Tell whether most of the body is first-person speech outside quotes."""
    if _JOINT.match(ctx.doc.title or "") or (ctx.sentences and _JOINT.match(ctx.sentences[0].text)):
        return False
    if len(ctx.quotes) > 2:
        return False  # checked first: it needs no pattern run on every sentence
    if turn_labels(ctx):
        return False  # its turns name their speakers (bot.extract.turns)
    body = [s for s in ctx.sentences[1:] if not ctx.in_quote(s.start + 1, s.end - 1)
            and not s.text.startswith(("“", '"', "«"))]
    first = [s for s in body if _FIRST_PERSON.search(s.text)]
    return len(first) >= 6 and len(first) >= 0.3 * max(len(body), 1)


def transcript_statements(ctx: Context, agent: Agent | None) -> list[Statement]:
    """Return the speech as passages attributed to ``agent``, the speaker of the title."""
    passages: list[list[Sentence]] = []
    for sentence in _speech(ctx):
        if passages and sum(len(s.text) for s in passages[-1]) < _PASSAGE:
            passages[-1].append(sentence)
        else:
            passages.append([sentence])
    return [Statement(speaker=agent.label if agent else None,
                      text=" ".join(s.text for s in part), quote=True,
                      sentence=part[0].index, start=part[0].start, end=part[-1].end,
                      person_id=agent.person_id if agent else None,
                      speaker_country=agent.country if agent else None,
                      speaker_org=agent.org if agent else None,
                      attribution=agent.how if agent else "unknown")
            for part in passages]


def _speech(ctx: Context) -> list[Sentence]:
    # The speech starts at the first sentence that ends like one; headers and greetings go.
    body = [s for s in ctx.sentences[1:] if re.search(r"[.!?…”\"]$", s.text)]
    return [s for s in body if not _GREETING.match(s.text) and len(s.text.split()) > 3]


def title_speaker(ctx: Context) -> Agent | None:
    """Return the speaker named by the header lines or the title ("PM statement" on gov.uk)."""
    addressed = {m.group(1).split()[-1].lower() for m in _VOCATIVE.finditer(ctx.text[:2000])}
    for sentence in ctx.sentences[:6]:
        if re.search(r"[.!?]$", sentence.text) and sentence.index:
            break
        for person in people_in(ctx, sentence):
            words = {w.lower() for w in re.findall(r"\w+", f"{person.name} {person.role or ''}")}
            if not words & addressed:
                return person_agent(person, "title")
    title = ctx.sentences[0] if ctx.sentences else None
    match = _TITLE_ROLE.search(title.text) if title else None
    if not match or title is None:
        return None
    role = "Prime Minister" if match.group("role") == "PM" else match.group("role")
    # Only a scope written with the title counts: "NATO Secretary General", "PM of Canada".
    scope = [f for f in ctx.mentions(title) if f.kind in ("country", "org") and (
        0 <= match.start() - (f.end - title.start) <= 2 or
        re.fullmatch(r"\s+of\s+(?:the\s+)?", title.text[match.end():f.start - title.start]))
    ]
    country = next((f.name for f in scope if f.kind == "country"), None) or \
        (None if scope else ctx.publisher_country)
    org = next((f.name for f in scope if f.kind == "org"), None) if not country else None
    label = f"{_short(country or org)} {role}".strip()
    entity = ctx.index.person_by_role(role, country=country, org=org, on=ctx.date) \
        if country or org else None
    if entity is None:
        return Agent(label=label, how="title", country=country, org=org, role=role)
    return Agent(label=f"{label} {entity.name}", how="title", person_id=entity.id,
                 country=country, org=org, role=role)


def _short(country: str | None) -> str:
    return {"United Kingdom": "UK", "United States": "US"}.get(country or "", country or "")
