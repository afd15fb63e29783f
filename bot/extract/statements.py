"""Who said what: direct quotes and reported speech, with the speaker resolved or left unknown.

One statement per speaker per sentence; a quote that continues in the same paragraph extends the
statement, and a bare quote in the next paragraph keeps the previous speaker ("context").
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from bot.entities import EntityIndex
from bot.extract import lexicon
from bot.extract.agents import Agent, Discourse, parse_agent, person_agent
from bot.extract.context import Context
from bot.extract.people import people_in
from bot.extract.speakers import SPEECH, speakers
from bot.extract.turns import is_question, label_end, turn_labels, turn_speaker
from storage.records import Attendance, Sentence, Statement

_Fact = TypeVar("_Fact", Statement, Attendance)

_ACCORDING = re.compile(r"(?i)\b(?:according\s+to|за\s+словами)\s+(?:(?:the|a)\s+(?:joint\s+)?"
                        r"statement\s+by\s+)?((?:(?:[A-Z]\.){2,}|[^,.;])+)")
# "according to the will of the participants", "according to the terms of the deal": a rule or a
# wish is followed, nobody speaks (a title is a speaker: "according to the head of ...";
# data/language/en/rule_nouns.txt).
_BY_RULE = re.compile(r"(?:the\s+)?" + lexicon.alternation("rule_nouns", ("en",)) + r"\s+of\b")
_CHANNEL_VERBS = frozenset(w for lang in lexicon.LANGUAGES for w in lexicon.words(lang, "channel_verbs"))
_TWEET = re.compile(r"^[—–-]\s*(?P<name>[^(@\n]{3,60}?)\s*\(@\w+\)")
# What may follow the name on a quote card: its title ("President of the European Commission").
_CARD = re.compile(r"(?:[\s,]+(?:[A-Z][\w.’'-]*|of|the|and|for))*\s*")
# An interview turn: "Frederiksen: ..." (a question's "Q:" is nobody's statement).
_TURN = re.compile(r"^(?!Q:|Question:)[A-ZА-ЯІЇЄҐ][\w’'-]+(?:\s+[A-ZА-ЯІЇЄҐ][\w’'-]+){0,2}:\s")
_QUOTE_START = re.compile(r"^(?:Quote:\s*)?[“\"«]")
_LEADERS_OF = re.compile(r"\b(?:[Ll]eaders|лідери)\s+(?:of\s+)?(?:(?:the\s+)?[A-ZА-ЯІЇЄҐ][\w’'-]*"
                         r"(?:,\s*|\s+(?:and|та|і)\s+|\s+)?)+")


@dataclass
class _Draft:
    agent: Agent | None
    sentence: Sentence
    end: int
    quote: bool
    text: str
    verb: str | None
    paragraph: int


def extract_statements(ctx: Context, disc: Discourse) -> list[Statement]:
    """Return every statement in the document, in order."""
    drafts: list[_Draft] = []
    labels = turn_labels(ctx)
    for sentence in ctx.sentences:
        disc.starts[sentence.index] = sentence.start
        disc.people.extend(p for p in people_in(ctx, sentence)
                           if not ctx.in_quote(p.start, p.end) and not p.possessive)
        if sentence.index in labels:
            drafts.extend(_turn(ctx, disc, sentence, labels[sentence.index]))
            continue
        found = _attributed(ctx, disc, sentence) or _signature(ctx, disc, sentence, drafts) \
            or _headline(ctx, sentence)
        if found and not _quote_before(ctx, sentence, found, drafts):
            drafts.extend(found)
        elif _QUOTE_START.match(sentence.text):
            _continue_quote(ctx, disc, sentence, drafts)
        elif drafts and (_TURN.match(drafts[-1].sentence.text) or drafts[-1].verb == ":") and \
                drafts[-1].paragraph == ctx.paragraph_of(sentence.start):
            # "Frederiksen: Yes. Denmark will ...": the whole answer
            drafts[-1].end = max(drafts[-1].end, sentence.end)
            drafts[-1].text = f"{drafts[-1].text} {sentence.text}"
        _note_collective(ctx, disc, sentence)
    statements = [_statement(d) for d in drafts]
    return written_names(disc, statements, ctx.index) if ctx.language != "en" else statements


def _in_script(index: EntityIndex, person_id: str, forms: list[str]) -> str:
    """Return the person's full name as the text's language writes it, in the nominative: a
    form of the text that the gazetteer knows, else the gazetteer's Ukrainian alias ("Фрідріх
    Мерц" rather than the inflected "Мерцом"), else the longest form of the text."""
    entity = index.get(person_id)
    aliases = set(entity.aliases if entity else ())
    known = [f for f in forms if f in aliases and len(f.split()) >= 2]
    if known:
        return known[0]
    cyrillic = [a for a in aliases if re.search(r"[А-ЯІЇЄҐа-яіїєґ]", a) and len(a.split()) >= 2]
    if cyrillic and re.search(r"[А-ЯІЇЄҐа-яіїєґ]", forms[0]):
        # Ukrainian letters first: the gazetteer also lists Russian spellings.
        return min(cyrillic, key=lambda a: (not re.search(r"[іїєґІЇЄҐ]", a), len(a)))
    return max(forms, key=lambda f: len(f.split()))


def written_names(disc: Discourse, facts: Sequence[_Fact],
                  index: EntityIndex) -> list[_Fact]:
    """Name people as a non-English text writes them ("Джорджа Мелоні"); person_id keeps the
    link to the canonical gazetteer name."""
    forms: dict[str, list[str]] = {}
    for person in disc.people:
        if person.person_id:
            forms.setdefault(person.person_id, []).append(person.written)
    written = {pid: _in_script(index, pid, found) for pid, found in forms.items()}
    field = "name" if facts and isinstance(facts[0], Attendance) else "speaker"
    changes: list[dict[str, Any]] = [
        {field: written[f.person_id]} if f.person_id in written else {} for f in facts]
    return [replace(f, **change) for f, change in zip(facts, changes, strict=True)]


def _attributed(ctx: Context, disc: Discourse, sentence: Sentence) -> list[_Draft]:
    """Return one draft per speaker named with a speech verb or "according to" in the sentence."""
    agents: dict[str, tuple[Agent, str]] = {}
    for verb in SPEECH.finditer(sentence.text):
        at = sentence.start + verb.start()
        if ctx.in_quote(at) or re.search(r"\b(?:is|was|are|were|been|be)\s+$", sentence.text[:verb.start()]):
            continue  # inside a quote, or passive: "the deal is said to be close"
        for agent in speakers(ctx, disc, sentence, at, sentence.start + verb.end()):
            agents.setdefault(agent.label, (agent, verb.group()))
    low = sentence.text.lower()
    # "According to the agency, Dar said ...": the source reports the words a verb gives Dar.
    cited = not agents and ("according" in low or "словами" in low)
    according = _ACCORDING.finditer(sentence.text) if cited else ()
    for acc in according:
        at = sentence.start + acc.start(1)
        if ctx.in_quote(at):
            continue
        source = parse_agent(ctx, disc, sentence, at, at + len(acc.group(1)))
        if source and not _BY_RULE.match(acc.group(1)):
            agents.setdefault(source.label, (source, "according to"))
    if len(agents) > 1:  # "X announced that ..., AFP reported": the outlet passes X's words on
        agents = {k: v for k, v in agents.items() if v[1].lower() not in _CHANNEL_VERBS}
    drafts = []
    for agent, cue in agents.values():
        disc.note_speaker(agent, sentence.index)
        drafts.append(_draft(ctx, agent, sentence, cue))
    return drafts


def _signature(ctx: Context, disc: Discourse, sentence: Sentence,
               drafts: list[_Draft]) -> list[_Draft]:
    """Return a statement signed below its text: a post's "— Name (@handle)" or a quote card."""
    tweet = _TWEET.match(sentence.text)
    people = people_in(ctx, sentence)
    if tweet:
        start = sentence.start + tweet.start("name")
        agent = parse_agent(ctx, disc, sentence, start, start + len(tweet.group("name")))
    elif people and people[0].start == sentence.start and not re.search(r"[.!?]$", sentence.text) \
            and not SPEECH.search(sentence.text) and sentence.index > 0 and len(people) == 1 \
            and _CARD.fullmatch(ctx.text[people[0].end:sentence.end]):
        agent = person_agent(people[0])
    else:
        return []
    if agent is None:
        return []
    previous = ctx.sentences[sentence.index - 1]
    if drafts and drafts[-1].sentence.index >= previous.index - 1:
        return []
    disc.note_speaker(agent, sentence.index)
    return [replace(_draft(ctx, agent, previous, None), quote=True)]


def _headline(ctx: Context, sentence: Sentence) -> list[_Draft]:
    """Return the statement of a "Name: words" line ("Zelensky: we need more air defence")."""
    people = people_in(ctx, sentence)
    if not people or people[0].start > sentence.start + 40:
        return []
    after = ctx.text[people[0].end:people[0].end + 3]
    if not re.match(r"\s*:\s*\S", after) or ctx.in_quote(people[0].start):
        return []
    draft = _draft(ctx, person_agent(people[0]), sentence, ":")
    draft.text = ctx.text[people[0].end:sentence.end].lstrip(" :")
    return [draft]


def _turn(ctx: Context, disc: Discourse, sentence: Sentence, label: str) -> list[_Draft]:
    """Return the statement a labelled turn opens; a question's turn opens none."""
    if is_question(label):
        return []
    agent = turn_speaker(ctx, disc, label)
    disc.note_speaker(agent, sentence.index)
    draft = _draft(ctx, agent, sentence, ":")
    draft.text, draft.quote = sentence.text[label_end(sentence.text):], True
    return [draft]


def _continue_quote(ctx: Context, disc: Discourse, sentence: Sentence,
                    drafts: list[_Draft]) -> None:
    """Extend the last statement with a quote that carries on, or start one for its speaker."""
    paragraph = ctx.paragraph_of(sentence.start)
    last = drafts[-1] if drafts else None
    introduced = last is not None and last.sentence.index == sentence.index - 1 and \
        last.sentence.text.endswith(":")  # "Berg told reporters:" and the quote below it
    if last and (last.paragraph == paragraph or introduced) and last.agent is not None:
        quoted = _quoted(ctx, sentence)
        last.end = max(last.end, _evidence_end(ctx, sentence))
        last.text = quoted if introduced and quoted else f"{last.text} {quoted or sentence.text}".strip()
        last.quote = last.quote or (introduced and bool(quoted))
        return
    near = last is not None and paragraph - last.paragraph <= 3 and last.agent is not None
    agent = replace(last.agent, how="context") if near and last and last.agent else \
        _introducer(ctx, sentence)
    words = re.findall(r"\w+", sentence.text)
    if agent is None and (len(words) < 6 or sum(w[0].isupper() for w in words) > len(words) / 2):
        return  # a short or Title Case line in quotes is a heading, not a statement
    drafts.append(_draft(ctx, agent, sentence, None))


def _introducer(ctx: Context, sentence: Sentence) -> Agent | None:
    """Return the one person the paragraph before a bare quote opens with ("Berg was upbeat.
    / “The port will open.”"): news puts the speaker's name just before the words."""
    if not sentence.index:
        return None
    before = ctx.sentences[sentence.index - 1]
    if ctx.paragraph_of(sentence.start) - ctx.paragraph_of(before.start) != 1 or \
            SPEECH.search(before.text) or ctx.quotes and ctx.in_quote(before.start, before.end):
        return None
    people = {p.person_id or p.name: p for p in people_in(ctx, before) if not p.possessive}
    first = next(iter(people.values()), None)
    if len(people) != 1 or first is None or first.start - before.start > 4:
        return None
    return person_agent(first, "context")


def _quote_before(ctx: Context, sentence: Sentence, found: list[_Draft],
                  drafts: list[_Draft]) -> bool:
    """Give a bare quote the speaker of the short sentence after it ("“...” Berg said so on
    Monday."); tell whether that sentence is thereby used up."""
    last = drafts[-1] if drafts else None
    if len(found) != 1 or last is None or last.agent is not None or not last.quote or \
            last.sentence.index != sentence.index - 1 or last.paragraph != found[0].paragraph or \
            found[0].quote or len(sentence.text.split()) > 8:
        return False
    last.agent, last.verb = found[0].agent, found[0].verb
    return True


def _note_collective(ctx: Context, disc: Discourse, sentence: Sentence) -> None:
    # "лідери Франції, Німеччини ... та України погодили": later "they" means these leaders.
    if "eaders" not in sentence.text and "лідери" not in sentence.text:
        return  # most sentences name no leaders: skip the pattern, which tries every word
    match = _LEADERS_OF.search(sentence.text)
    if match and not ctx.in_quote(sentence.start + match.start()):
        label = match.group().strip(" ,")
        disc.collective = Agent(label=label, how="name", collective=True)


def _draft(ctx: Context, agent: Agent | None, sentence: Sentence, verb: str | None) -> _Draft:
    quoted = _quoted(ctx, sentence)
    return _Draft(agent=agent, sentence=sentence, end=_evidence_end(ctx, sentence), quote=bool(quoted),
                  text=quoted or sentence.text, verb=verb,
                  paragraph=ctx.paragraph_of(sentence.start))


def _quotes_opening_in(ctx: Context, sentence: Sentence) -> list[tuple[int, int]]:
    return [(s, e) for s, e in ctx.quotes
            if sentence.start <= s < sentence.end and len(ctx.text[s:e].split()) >= 4]


def _quoted(ctx: Context, sentence: Sentence) -> str:
    return " … ".join(ctx.text[s + 1:e - 1].strip(" ,") for s, e in _quotes_opening_in(ctx, sentence))


def _evidence_end(ctx: Context, sentence: Sentence) -> int:
    """Return where a statement's evidence ends: a quote may run on past its opening sentence."""
    return max([sentence.end, *(e for _, e in _quotes_opening_in(ctx, sentence))])


def _statement(d: _Draft) -> Statement:
    agent = d.agent
    return Statement(
        speaker=agent.label if agent else None, text=d.text, quote=d.quote,
        sentence=d.sentence.index, start=d.sentence.start, end=d.end,
        person_id=agent.person_id if agent else None,
        speaker_country=agent.country if agent else None,
        speaker_org=agent.org if agent else None,
        attribution=agent.how if agent else "unknown", verb=d.verb,
    )
