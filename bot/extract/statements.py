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
from bot.extract.agents import Agent, Discourse, parse_agent, person_agent
from bot.extract.alternation import by_first_letter
from bot.extract.context import Context
from bot.extract.lexicon import LANGUAGES, fragment, fragments, words
from bot.extract.people import people_in
from storage.records import Attendance, Sentence, Statement

_Fact = TypeVar("_Fact", Statement, Attendance)

# The verbs live in data/language/<lang>/speech_verbs.txt. Only what a word list cannot say is
# written here: a question put is said too ("... ?" Vance asked), but "asked Kyiv to" is a request.
_SPEECH_VERBS = by_first_letter([*(one for lang in LANGUAGES for one in fragments(lang, "speech_verbs")),
                                 r"asked(?=\s*[.,;])"])
# Lower case only: "States" in "United States" is not a verb.
SPEECH = re.compile(rf"(?<!\w){_SPEECH_VERBS}(?!\w)")
# "..., saying ...": a participle reports what the subject of the sentence said.
_PARTICIPLE = re.compile("(?i)^" + by_first_letter(dict.fromkeys(
    fragment(entry.split()[0]) for entry in words("en", "speech_verbs")
    if entry.split()[0].endswith("ing"))))
_ACCORDING = re.compile(r"(?i)\b(?:according\s+to|за\s+словами)\s+(?:(?:the|a)\s+(?:joint\s+)?"
                        r"statement\s+by\s+)?((?:(?:[A-Z]\.){2,}|[^,.;])+)")
_BOUNDARY = re.compile(r"[,;:(“”\"«»—–]|\b(?:that|but|while|when|which|as|після|що)\b")
_CLOSED_QUOTE = re.compile(r"[”\"»][\s,–—-]*$|[,.][”\"»][\s–—-]*$")
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
    for sentence in ctx.sentences:
        disc.starts[sentence.index] = sentence.start
        disc.people.extend(p for p in people_in(ctx, sentence)
                           if not ctx.in_quote(p.start, p.end) and not p.possessive)
        found = _attributed(ctx, disc, sentence) or _signature(ctx, disc, sentence, drafts) \
            or _headline(ctx, sentence)
        if found:
            drafts.extend(found)
        elif _QUOTE_START.match(sentence.text):
            _continue_quote(ctx, disc, sentence, drafts)
        elif drafts and _TURN.match(drafts[-1].sentence.text) and \
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
        for agent in _speakers(ctx, disc, sentence, at, sentence.start + verb.end()):
            agents.setdefault(agent.label, (agent, verb.group()))
    low = sentence.text.lower()
    according = _ACCORDING.finditer(sentence.text) if "according" in low or "словами" in low else ()
    for acc in according:
        at = sentence.start + acc.start(1)
        if ctx.in_quote(at):
            continue
        source = parse_agent(ctx, disc, sentence, at, at + len(acc.group(1)))
        if source:
            agents.setdefault(source.label, (source, "according to"))
    drafts = []
    for agent, cue in agents.values():
        disc.note_speaker(agent, sentence.index)
        drafts.append(_draft(ctx, agent, sentence, cue))
    return drafts


def _speakers(ctx: Context, disc: Discourse, sentence: Sentence, at: int,
              verb_end: int) -> list[Agent]:
    """Return who speaks through the verb at ``at``: before it, after it, or the subject."""
    head = ctx.text[sentence.start:at]
    cut = max((m.end() for m in _BOUNDARY.finditer(head)), default=0)
    phrase = head[cut:]
    if SPEECH.search(phrase) or re.fullmatch(r"(?i)\s*(?:you|and|but|also|and\s+also)\s*", phrase):
        return []  # "X said ... and added" is one statement; "as you said" addresses someone
    participle = bool(_PARTICIPLE.match(ctx.text[at:verb_end]))
    right_after_quote = not phrase.strip() and head.rstrip().endswith(("”", '"', "»", "–", "—"))
    if not participle and (_CLOSED_QUOTE.search(head) or right_after_quote):
        after = _after(ctx, disc, sentence, verb_end)  # "..." said Keir Starmer
        if after:
            return [after]
    if re.fullmatch(r"\s*(?:who|which)\s*", phrase) and cut:
        previous = [p for p in disc.people
                    if p.sentence == sentence.index and p.end < sentence.start + cut]
        if previous:
            return [person_agent(previous[-1])]
    if not participle:
        found = _several(ctx, sentence, sentence.start + cut, at) or [
            a for a in [parse_agent(ctx, disc, sentence, sentence.start + cut, at)] if a]
        if found:
            return found
    return _fallback_speaker(ctx, disc, sentence, at, verb_end, participle)


def _fallback_speaker(ctx: Context, disc: Discourse, sentence: Sentence, at: int,
                      verb_end: int, participle: bool) -> list[Agent]:
    """Return the sentence's subject, a speaker after the verb, or a described opening phrase."""
    group = re.match(r"[^,;:“\"]+(?=,\s+(?:among\s+them|including|such\s+as)\b)", sentence.text)
    if group:  # "European leaders, among them Merz and Starmer, said ...": the group speaks
        agent = parse_agent(ctx, disc, sentence, sentence.start, sentence.start + group.end())
        if agent and agent.collective:
            return [agent]
    subject = [p for p in people_in(ctx, sentence)
               if p.end <= at and not p.possessive and not ctx.in_quote(p.start)]
    if subject:
        return [person_agent(subject[0])]
    after = _after(ctx, disc, sentence, verb_end)  # "Таку заяву зробила прем'єр-міністр ..."
    if after:
        return [after]
    # "A senior official, speaking on condition of anonymity, said ...": the opening phrase.
    opening = re.match(r"[^,;:“\"]+", sentence.text)
    if opening and not participle and sentence.start + opening.end() < at:
        agent = parse_agent(ctx, disc, sentence, sentence.start, sentence.start + opening.end())
        if agent and (agent.how == "role" or agent.person_id or agent.org):
            return [agent]
    return []


def _after(ctx: Context, disc: Discourse, sentence: Sentence, verb_end: int) -> Agent | None:
    tail = ctx.text[verb_end:sentence.end]
    if ctx.language == "en" and not re.match(r"\s*(?:the\s+)?[A-Z]", tail):
        return None  # "said X" names X with a capital; "said he had ..." is what was said
    stop = re.search(r"[,.;:]\s|[,.;:]$|\s(?:on|at|in|after|before|to|during)\s", tail)
    end = verb_end + (stop.start() if stop else len(tail))
    return parse_agent(ctx, disc, sentence, verb_end, end)


def _several(ctx: Context, sentence: Sentence, start: int, end: int) -> list[Agent]:
    # "Meloni and Merz recalled ..." is said by both.
    people = [p for p in people_in(ctx, sentence)
              if start <= p.start and p.end <= end and not p.possessive]
    between = ctx.text[start:end]
    if len(people) > 1 and re.search(r"\b(?:and|та|і)\b", between):
        return [person_agent(p) for p in people]
    return []


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


def _continue_quote(ctx: Context, disc: Discourse, sentence: Sentence,
                    drafts: list[_Draft]) -> None:
    """Extend the last statement with a quote that carries on, or start one for its speaker."""
    paragraph = ctx.paragraph_of(sentence.start)
    last = drafts[-1] if drafts else None
    if last and last.paragraph == paragraph and last.agent is not None:
        last.end = max(last.end, _evidence_end(ctx, sentence))
        last.text = f"{last.text} {_quoted(ctx, sentence) or sentence.text}".strip()
        return
    near = last is not None and paragraph - last.paragraph <= 3 and last.agent is not None
    agent = replace(last.agent, how="context") if near and last and last.agent else None
    words = re.findall(r"\w+", sentence.text)
    if agent is None and (len(words) < 6 or sum(w[0].isupper() for w in words) > len(words) / 2):
        return  # a short or Title Case line in quotes is a heading, not a statement
    drafts.append(_draft(ctx, agent, sentence, None))


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
