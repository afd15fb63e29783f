"""Who committed to what and how strongly: "France pledged €2bn", "the coalition backed ...",
"Kyiv was ready to buy ...", "we will not ease off" (the speaker's country)."""
from __future__ import annotations

import bisect
import re

from bot.extract.actors import find_actor, subject_phrase
from bot.extract.agents import Agent, Discourse, parse_agent
from bot.extract.amounts import find_amount, find_condition, find_timeframe
from bot.extract.context import Context
from storage.records import Commitment, Sentence, Statement

_CUES: list[tuple[str, re.Pattern[str]]] = [(kind, re.compile(pattern)) for kind, pattern in [
    ("signed", r"\b(?:signed|signs|inked|concluded|підписал[иа]|підписав)(?!\w)"),
    ("delivered", r"(?<![-‑])\b(?:delivered|has\s+sent|have\s+sent|handed\s+over|allocated|has\s+given|"
                  r"have\s+given|provided\s+by|виділил[аи])\b"),
    ("pledge", r"\b(?:pledged|(?<!\bnew\s)(?<!\bin\s)(?<!\bof\s)(?<!\bthe\s)pledges(?=\s+(?:[$€£\d]|an?\s|"
               r"more|new|further|additional|support|aid|to\b))|commits(?=\s+(?:to|an?|[$€£\d]))|"
               r"(?:is|are)\s+sending(?!\s+(?:\S+\s+){0,3}?(?:message|signal))|approved(?=\s+(?:an?\s+|the\s+)?(?:[^.]|\.\d){0,30}?(?:package|aid|"
               r"funding|loan|billion|million))|committed(?=\s+(?:an?\s+|to\s+an?\s+(?:further|additional|"
               r"new)|almost|over|about|nearly|more\s+than|[$€£\d]))|commit(?=\s+(?:almost|over|"
               r"about|nearly|[$€£\d]))|promised|(?:will|would)\s+(?:provide|deliver|send|supply|give|"
               r"allocate|donate|fund|finance|train|contribute)|(?:was|is|are)\s+providing|"
               r"(?:was|is|are)\s+(?:also\s+)?supplying|will\s+receive|announced(?!\s+that)(?=\s+(?:an?\s+)?"
               r"(?:[^.]|\.\d){0,40}?(?:package|aid|deal|funding|billion|million))|"
               r"пообіцял[иа]|пообіцяв|виділить|виділять|надасть|нададуть|передасть|передадуть|"
               r"фінансуватим\w+|постачатим\w+|профінансу(?:є|ють)|спряму(?:є|ють)|"
               r"зобов.язал(?:ася|ися|ся))(?!\w)"),
    ("ready", r"\b(?:ready\s+to|prepared\s+to|willing\s+to|readiness\s+to|committed\s+to|"
              r"agreed\s+(?:\w+\s+){0,3}to(?!\s+[\"“]?meet)|готов\w*)(?!\w)"),
    ("intent", r"\b(?:(?:will|would)\s+(?:continue|keep|not\s+ease\s+off|never\s+let\s+up|pledge|"
               r"consider|seek)|intends?\s+to|plans?\s+to|seeks?\s+to|"
               # "I want to thank ..." is courtesy, not intent
               r"(?:wants?|wanted)\s+to(?!\s+(?:thank|welcome|say|stress|add|emphasi[sz]e|"
               r"congratulate|express|acknowledge|recognise|recognize|underline|begin|start))|"
               r"agreed\s+to\s+[\"“]?meet|agreed\s+on|are\s+resolute|could\s+announce|"
               # hedged offers still bind the one who makes them: "could provide ... if ..."
               r"could\s+(?:provide|deliver|send|supply|give|allocate|donate|fund|finance|train|"
               r"contribute|mobili[sz]e|offer|do\s+more)|(?:was|is|are|were)\s+preparing|"
               r"план(?:ує|ують)|мож(?:е|уть)\s+(?:передати|запропонувати|надати|профінансувати)|"
               r"погодил(?:и|ися)|продовж(?:ать|ить|уватимуть|уватиме))(?!\w)"),
    ("support", r"(?<![-‑])\b(?:backed(?!\s+by)|backs|supported(?!\s+by)|"
                r"(?:expressed|reaffirmed)\s+(?:their\s+|its\s+)?support|are\s+supporting|is\s+supporting|підтрима(?:ли|в|ла))(?!\w)"),
]]
# Every match of a cue pattern above holds one of its kind's words: testing them first lets most
# sentences skip most patterns (the patterns are the costliest part of extracting commitments).
_NEEDLES = {
    "signed": ("sign", "inked", "concluded", "підписа"),
    "delivered": ("delivered", "sent", "handed", "allocated", "given", "provided", "виділил"),
    "pledge": ("pledge", "commit", "sending", "approved", "promised", "will", "would", "providing",
               "supplying", "announced", "пообіця", "виділ", "нада", "переда", "фінансуватим",
               "постачатим", "зобов", "профінансу", "спряму"),
    "ready": ("ready", "readiness", "prepared", "willing", "committed", "agreed", "готов"),
    "intent": ("will", "would", "intend", "plan", "seek", "want", "agreed", "resolute", "could",
               "preparing", "погодил", "продовж", "план", "мож"),
    "support": ("back", "support", "підтрима"),
}
_HEADS = {"President", "Prime Minister", "Chancellor", "Federal Chancellor", "King"}


def extract_commitments(ctx: Context, disc: Discourse,
                        statements: list[Statement]) -> list[Commitment]:
    """Return the commitments of the document; one per actor, kind and action."""
    speakers = _speakers(ctx, statements)
    out: list[Commitment] = []
    for sentence in ctx.sentences:
        last: Agent | None = None
        cues = _cues(sentence)
        for i, (kind, at, _end) in enumerate(cues):
            if _unbinding(sentence, at):
                continue
            agent = find_actor(ctx, disc, sentence, at, speakers.get(sentence.index), last)
            if agent is None:
                continue
            last = agent
            stop = cues[i + 1][1] if i + 1 < len(cues) else len(sentence.text)
            end = _action_end(ctx, sentence, at, stop)
            if kind == "signed":
                agent = _signers(ctx, disc, sentence, agent, at, end)
            out.append(_commitment(ctx, sentence, agent, kind, at, end))
        out.extend(_thanked(ctx, disc, sentence))
    return _dedupe(out)


def _speakers(ctx: Context, statements: list[Statement]) -> dict[int, Statement]:
    """Map every sentence a statement covers to its speaker ("we" in the second sentence of a
    quote); a later statement wins. Sentences are found by bisecting their starts, not by a scan
    of every sentence per statement (quadratic in a long document)."""
    ordered = sorted(ctx.sentences, key=lambda x: x.start)
    starts = [x.start for x in ordered]
    known = {x.index for x in ordered}
    speakers: dict[int, Statement] = {}
    for s in statements:
        covered = ordered[bisect.bisect_left(starts, s.start):bisect.bisect_left(starts, s.end)]
        for sentence in covered:
            speakers[sentence.index] = s
        if s.sentence in known:
            speakers[s.sentence] = s
    return speakers


_QUESTION = re.compile(r"\?[”\"»’']*$")
_HOPE = re.compile(r"(?i)\b(?:hope[sd]?|hoping|wish(?:es|ed)?|сподіва\w*)\b")
_NEGATED = re.compile(r"(?i)\bnot\s+(?:all|every)\b|\b(?:not|never|не)\s+$")


def _unbinding(sentence: Sentence, at: int) -> bool:
    """Tell whether the cue at ``at`` binds no one: in a question ("Is Denmark ready to ...?"),
    a hope ("I hope the United States will ..."), or negated ("not all Allies agreed on ...")."""
    head = sentence.text[:at]
    return bool(_QUESTION.search(sentence.text) or _HOPE.search(head) or _NEGATED.search(head))


_THANKED = re.compile(r"\bthank(?:ed|s)?\s+(?P<who>[^.;:]{2,80}?)\s+for\s+(?:the\s+|its\s+|their\s+|"
                      r"a\s+|an\s+)?(?P<what>[^.;]+)")


def _thanked(ctx: Context, disc: Discourse, sentence: Sentence) -> list[Commitment]:
    """Return what a readout thanks someone for: "thanked Denmark for the €600 million package"."""
    out = []
    for m in _THANKED.finditer(sentence.text) if "thank" in sentence.text else ():
        what = m.group("what")
        if ctx.in_quote(sentence.start + m.start()) or not (
                find_amount(what) or re.search(r"(?i)package|support|aid|assistance|contribution|"
                                               r"funding|decision", what)):
            continue
        agent = subject_phrase(ctx, disc, sentence, sentence.start + m.start("who"),
                        sentence.start + m.end("who"))
        if agent and agent.how != "pronoun":
            kind = "pledge" if find_amount(m.group("what")) or "package" in m.group("what") \
                else "support"
            out.append(_commitment(ctx, sentence, agent, kind, m.start("what"), m.end("what")))
    return out


def _signers(ctx: Context, disc: Discourse, sentence: Sentence, agent: Agent, at: int,
             end: int) -> Agent:
    """Name a signing by the countries on both sides: "Zelenskyy signed ... with France"."""
    head = sentence.text[:at]
    cut = max((m.end() for m in re.finditer(r"[;:“”\"]|\bwhere\b|\bthat\b|,(?!\s*[A-Z])", head)),
              default=0)
    lo, hi = sentence.start + cut, sentence.start + at
    signers = [p for p in disc.people if p.sentence == sentence.index and lo <= p.start < hi]
    sides = [p.country for p in signers]
    pronoun = re.search(r"\b(?:he|she)(?=\s+and\b)", head[cut:])  # "he and President X signed"
    if pronoun:
        other = parse_agent(ctx, disc, sentence, lo + pronoun.start(), lo + pronoun.end())
        sides.insert(0, other.country if other else None)
    if agent.country and not sides:
        sides.append(agent.country)
    partner = re.search(r"\bwith\s+", sentence.text[at:end])
    if not partner and len(signers) >= 2 and not pronoun:
        # "Umerov and Pistorius signed ...": the two ministers, named as the text names them
        names = [p.name for p in signers] if ctx.language == "en" else [p.written for p in signers]
        return Agent(label=(" and " if ctx.language == "en" else " і ").join(names), how=agent.how,
                     collective=True)
    if partner:
        sides.append(_partner(ctx, sentence, sentence.start + at + partner.end()))
    names = [s for s in dict.fromkeys(sides) if s]
    if len(names) < 2:
        return agent
    return Agent(label=", ".join(names[:-1]) + " and " + names[-1], how=agent.how,
                 collective=True)


def _partner(ctx: Context, sentence: Sentence, begin: int) -> str | None:
    """Return the country signing on the other side: "with France", "with President Stubb"."""
    found = [f for f in ctx.mentions(sentence) if f.start >= begin and f.kind != "org"]
    if not found:
        return None
    first = found[0]
    return first.entity.country if first.kind in ("person", "place") else first.name


def _action_end(ctx: Context, sentence: Sentence, at: int, stop: int) -> int:
    """Return where the action of a cue ends: the next cue, a new clause, or the quote it is in."""
    quote = next((e for s, e in ctx.quotes if s < sentence.start + at < e), None)
    if quote is not None:
        stop = min(stop, quote - 1 - sentence.start)
    clause = re.search(
        r",\s+(?:while|but|whereas|and\s+(?:that|the|its))\b|;|\s[—–]\s|(?<![A-Z]\.[A-Z])[.!?]\s",
        sentence.text[at:stop])
    end = at + clause.start() if clause else stop
    return end - len(sentence.text[at:end]) + len(sentence.text[at:end].rstrip(" ,"))


def _cues(sentence: Sentence) -> list[tuple[str, int, int]]:
    found: list[tuple[str, int, int]] = []
    for kind, pattern in _CUES:
        if not any(map(sentence.text.__contains__, _NEEDLES[kind])):  # no generator: every sentence
            continue
        for m in pattern.finditer(sentence.text):
            if not any(a <= m.start() < b for _, a, b in found):
                found.append((kind, m.start(), m.end()))
    return sorted(found, key=lambda c: c[1])


def _commitment(ctx: Context, sentence: Sentence, agent: Agent, kind: str, at: int,
                end: int) -> Commitment:
    action = re.sub(r"\s+(?:and|but|or|та|і)$", "", sentence.text[at:end].strip())
    amount = find_amount(action)
    if kind == "ready" and amount and re.match(r"committed", action):
        kind = "pledge"
    actor, country = agent.label, agent.country
    if agent.person_id and amount and agent.role in _HEADS and country:
        actor = country  # a leader pledging money pledges it for the country
    condition = find_condition(sentence.text)
    return Commitment(
        actor=actor, action=action, kind=kind, sentence=sentence.index,
        start=sentence.start, end=sentence.end, actor_country=country, actor_org=agent.org,
        person_id=agent.person_id, amount=amount,
        timeframe=find_timeframe(sentence.text), conditional=condition is not None,
        condition=condition, collective=agent.collective or " and " in actor,
    )


def _dedupe(rows: list[Commitment]) -> list[Commitment]:
    """Drop repeats: the same actor, kind and amount, or the same actor, kind and action."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for row in rows:
        keys = {(row.actor, row.kind, " ".join(row.action.split()[:6]))}
        if row.amount:
            keys.add((row.actor, row.kind, row.amount))
        if row.kind == "signed":
            keys.add((row.actor, row.kind, ""))
        if keys & seen:
            continue
        seen |= keys
        out.append(row)
    return out
