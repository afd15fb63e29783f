"""Who committed to what and how strongly: "France pledged €2bn", "the coalition backed ...",
"Kyiv was ready to buy ...", "we will not ease off" (the speaker's country)."""
from __future__ import annotations

import re

from bot.extract.agents import (
    Agent,
    Discourse,
    group_agent,
    parse_agent,
    person_agent,
    strip_tail,
)
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
               r"allocate|donate|fund|finance|train)|(?:was|is|are)\s+providing|"
               r"(?:was|is|are)\s+(?:also\s+)?supplying|will\s+receive|announced(?=\s+an?\s+"
               r"(?:[^.]|\.\d){0,40}?(?:package|aid|deal|funding|billion|million))|"
               r"пообіцял[иа]|пообіцяв|виділить|виділять|надасть|нададуть|передасть|передадуть|"
               r"зобов.язал(?:ася|ися|ся))(?!\w)"),
    ("ready", r"\b(?:ready\s+to|prepared\s+to|willing\s+to|readiness\s+to|committed\s+to|"
              r"agreed\s+(?:\w+\s+){0,3}to(?!\s+[\"“]?meet)|готов\w*)(?!\w)"),
    ("intent", r"\b(?:(?:will|would)\s+(?:continue|keep|not\s+ease\s+off|never\s+let\s+up|pledge|"
               r"consider|seek)|intends?\s+to|plans?\s+to|wants?\s+to|wanted\s+to|seeks?\s+to|"
               r"agreed\s+to\s+[\"“]?meet|agreed\s+on|are\s+resolute|could\s+announce|"
               r"погодил(?:и|ися)|продовж(?:ать|уватимуть|уватиме))(?!\w)"),
    ("support", r"(?<![-‑])\b(?:backed|backs|supported|(?:expressed|reaffirmed)\s+(?:their\s+|its\s+)?"
                r"support|are\s+supporting|is\s+supporting|підтрима(?:ли|в|ла))(?!\w)"),
]]
_CLAUSE = re.compile(r"[;:(“”\"«»—–]|\b(?:that|but|while|which|what|who|after|since|as|when|"
                     r"if|once|where|що|як)\b|,\s(?![A-Z]|the\s+[A-Z]|and\b|all\b)")
_FIRST_PLURAL = re.compile(r"(?i)(?:^|\s)(?:we|ми)$")
_SPEECH_CUT = re.compile(r"\b(?:said|says|told|stated|noted|added|stressed|emphasi[sz]ed|"
                         r"underlined|confirmed|announced|recalled|reminded|indicated)\b")
_VERBISH = re.compile(r"\b(?:[a-z]+ed|saw|met|took|made|gave|has|have|had|is|are|was|were|will|"
                      r"would|can|could|must|wants)\b")
_PREPOSITION = re.compile(r"(?i)^\s*(?:in|at|on|during|after|before|за|на|у|в|під|під\s+час)\b")
_TRAILING_GROUP = re.compile(r"(?:(?:[A-Z][\w.’'-]*|the|all|other|some|of)\s+)*"
                             r"(?i:allies|partners|leaders|countries|participants|members|"
                             r"nations|союзники|партнери|учасники|країни)\s*$")
_HEADS = {"President", "Prime Minister", "Chancellor", "Federal Chancellor", "King"}


def extract_commitments(ctx: Context, disc: Discourse,
                        statements: list[Statement]) -> list[Commitment]:
    """Return the commitments of the document; one per actor, kind and action."""
    speakers = {s.sentence: s for s in statements}
    out: list[Commitment] = []
    for sentence in ctx.sentences:
        last: Agent | None = None
        cues = _cues(sentence)
        for i, (kind, at, _end) in enumerate(cues):
            agent = _actor(ctx, disc, sentence, at, speakers.get(sentence.index), last)
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


_THANKED = re.compile(r"\bthank(?:ed|s)?\s+(?P<who>[^.;:]{2,80}?)\s+for\s+(?:the\s+|its\s+|their\s+|"
                      r"a\s+|an\s+)?(?P<what>[^.;]*?(?:package|support|aid|assistance|contribution|"
                      r"funding|decision|\d)[^.;]*)")


def _thanked(ctx: Context, disc: Discourse, sentence: Sentence) -> list[Commitment]:
    """Return what a readout thanks someone for: "thanked Denmark for the €600 million package"."""
    out = []
    for m in _THANKED.finditer(sentence.text):
        if ctx.in_quote(sentence.start + m.start()):
            continue
        agent = _phrase(ctx, disc, sentence, sentence.start + m.start("who"),
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
    sides = [p.country for p in disc.people if p.sentence == sentence.index and lo <= p.start < hi]
    pronoun = re.search(r"\b(?:he|she)\s+and\b", head[cut:])  # "he and President X signed"
    if pronoun:
        begin = lo + pronoun.start()
        other = parse_agent(ctx, disc, sentence, begin, begin + 3 if pronoun.group()[0] == "h" else begin + 4)
        sides.insert(0, other.country if other else None)
    if agent.country and not sides:
        sides.append(agent.country)
    partner = re.search(r"\bwith\s+", sentence.text[at:end])
    if partner:
        begin = sentence.start + at + partner.end()
        found = [f for f in ctx.mentions(sentence) if f.start >= begin and f.kind != "org"]
        if found:
            first = found[0]
            sides.append(first.entity.country if first.kind in ("person", "place") else first.name)
    names = [s for s in dict.fromkeys(sides) if s]
    if len(names) < 2:
        return agent
    return Agent(label=", ".join(names[:-1]) + " and " + names[-1], how=agent.how,
                 collective=True)


def _action_end(ctx: Context, sentence: Sentence, at: int, stop: int) -> int:
    """Return where the action of a cue ends: the next cue, a new clause, or the quote it is in."""
    quote = next((e for s, e in ctx.quotes if s < sentence.start + at < e), None)
    if quote is not None:
        stop = min(stop, quote - 1 - sentence.start)
    clause = re.search(r",\s+(?:while|but|whereas|and\s+(?:that|the|its))\b|;|\s[—–]\s|[.!?]\s",
                       sentence.text[at:stop])
    end = at + clause.start() if clause else stop
    return end - len(sentence.text[at:end]) + len(sentence.text[at:end].rstrip(" ,"))


def _cues(sentence: Sentence) -> list[tuple[str, int, int]]:
    found: list[tuple[str, int, int]] = []
    for kind, pattern in _CUES:
        for m in pattern.finditer(sentence.text):
            if not any(a <= m.start() < b for _, a, b in found):
                found.append((kind, m.start(), m.end()))
    return sorted(found, key=lambda c: c[1])


def _actor(ctx: Context, disc: Discourse, sentence: Sentence, at: int,
           speaker: Statement | None, last: Agent | None) -> Agent | None:
    """Return who commits through the cue at sentence offset ``at``."""
    head = sentence.text[:at]
    if sentence.text[at:].startswith(("provided by", "will receive")):
        return _giver(ctx, disc, sentence, at)
    cuts = list(_CLAUSE.finditer(head)) + list(_SPEECH_CUT.finditer(head))
    cuts.sort(key=lambda m: m.end())
    cut = cuts[-1] if cuts else None
    start, stop = (cut.end() if cut else 0), len(head.rstrip())
    phrase = strip_tail(head[start:])
    quoted = ctx.in_quote(sentence.start + at)
    if _FIRST_PLURAL.search(phrase) or phrase.lower() in ("i", "я"):
        return _first_person(ctx, phrase, speaker)
    if cut and cut.group() in ("which", "what"):  # "X has determined which countries are ready"
        start, stop = (cuts[-2].end() if len(cuts) > 1 else 0), cut.start()
        verb = re.search(r"\s+\w+ed\s*$", head[start:stop])
        stop = start + verb.start() if verb else stop
        phrase = strip_tail(head[start:stop])
    if re.search(r"(?i)\basked\s+(?:if|whether)\s+\w+\s*$", head):
        return None  # a question put to someone is no commitment
    pronoun = _third_person(ctx, disc, sentence, head, phrase)
    if pronoun:
        return pronoun
    if last and re.search(r"\band$", phrase):  # "... supported X and are ready to ..."
        return last
    if not phrase:
        return last or _leading(ctx, disc, sentence, head)
    agent = _phrase(ctx, disc, sentence, sentence.start + start, sentence.start + stop)
    if agent and quoted and (agent.how == "pronoun" or agent.person_id or agent.collective):
        return None  # inside a quote only "we", "I" or a named country or organisation commits
    return agent


def _third_person(ctx: Context, disc: Discourse, sentence: Sentence, head: str,
                  phrase: str) -> Agent | None:
    """Resolve "he" and "they" to the subject of the speech verb before them, if any."""
    if re.search(r"(?i)(?:^|\s)(?:he|she|it)$", phrase):
        return _speaker_before(ctx, disc, sentence, head)  # "Trump has said he wants to ..."
    if re.search(r"(?i)(?:^|\s)(?:they|вони)$", phrase):
        return _speaker_before(ctx, disc, sentence, head) or \
            _sentence_subject(ctx, disc, sentence) or disc.collective
    return None


def _giver(ctx: Context, disc: Discourse, sentence: Sentence, at: int) -> Agent | None:
    """Return who gives when the text names the receiver: "funding provided by NATO Allies",
    "Leaders confirmed that Ukraine will receive ..."."""
    if sentence.text[at:].startswith("provided by"):
        tail = re.match(r"provided by ((?:[A-Z][\w.’'-]*\s*)+)", sentence.text[at:])
        begin = sentence.start + at + len("provided by ")
        return _phrase(ctx, disc, sentence, begin, begin + len(tail.group(1))) if tail else None
    giver = re.match(r"(.+?)\s+(?:confirmed|said|announced|agreed|decided)\s+that\b",
                     sentence.text[:at])
    return _phrase(ctx, disc, sentence, sentence.start, sentence.start + giver.end(1)) \
        if giver else None


def _leading(ctx: Context, disc: Discourse, sentence: Sentence, head: str) -> Agent | None:
    # "Macron noted that the Coalition countries established ..., expressed support for ...".
    that = list(re.finditer(r"\bthat\s+", head))
    if not that:
        return None
    rest = head[that[-1].end():]
    verb = _VERBISH.search(rest)
    end = that[-1].end() + (verb.start() if verb else len(rest))
    return _phrase(ctx, disc, sentence, sentence.start + that[-1].end(), sentence.start + end)


def _phrase(ctx: Context, disc: Discourse, sentence: Sentence, start: int,
            end: int) -> Agent | None:
    """Resolve the subject phrase, preferring the entities that end it ("amount France")."""
    text = ctx.text[start:end]
    if _PREPOSITION.match(text):
        return None  # "На конференції в Римі пообіцяли": no subject, only a place
    verbs = list(_VERBISH.finditer(strip_tail(text)))
    if verbs:
        start += verbs[-1].end()
    joined = list(re.finditer(r",\s+and\s+", ctx.text[start:end]))
    if joined and re.search(r"\b(?!(?:the|and|of|all)\b)[a-z]{3,}",
                            ctx.text[start:start + joined[-1].start()]):
        start += joined[-1].end()  # "Britain bought jets, and Germany": a new clause, not a list
    group = _TRAILING_GROUP.search(strip_tail(ctx.text[start:end])) or \
        re.search(r"(?:[A-Z][\w.-]*\s*)+(?=[’']s?\s*$)", ctx.text[start:end])  # "the U.S.' readiness"
    if group and group.start() > 0:
        start += group.start()
    agent = parse_agent(ctx, disc, sentence, start, end)
    if agent and agent.how == "name" and not agent.person_id and len(agent.label) > 40:
        agent = None
    if agent is None:
        tail = [f for f in ctx.mentions(sentence) if start <= f.start and f.end <= end
                and f.kind in ("country", "org", "place")]
        if tail:
            agent = group_agent(ctx, sentence, ctx.text[tail[-1].start:end], tail[-1].start, end)
    return agent


def _speaker_before(ctx: Context, disc: Discourse, sentence: Sentence, head: str) -> Agent | None:
    # "..., while Sweden and Norway said they were prepared to ...": the subject of "said".
    verbs = list(_SPEECH_CUT.finditer(head))
    if not verbs:
        return None
    before = head[:verbs[-1].start()]
    cut = max((m.end() for m in _CLAUSE.finditer(before)), default=0)
    agent = _phrase(ctx, disc, sentence, sentence.start + cut, sentence.start + len(before))
    if agent is None:  # "Trump, in office since January, has said he ...": the sentence subject
        people = [p for p in disc.people if p.sentence == sentence.index
                  and p.end <= sentence.start + len(before)]
        agent = person_agent(people[0]) if people else None
    return agent


def _sentence_subject(ctx: Context, disc: Discourse, sentence: Sentence) -> Agent | None:
    # "Russia and Ukraine said ... they agreed": "they" is the subject that opens the sentence.
    match = re.match(r"(?:(?:[A-Z][\w.’'-]*|the|and|a|number|of|all|other|,)\s*)+",
                     sentence.text)
    if not match:
        return None
    return parse_agent(ctx, disc, sentence, sentence.start, sentence.start + match.end())


def _first_person(ctx: Context, phrase: str, speaker: Statement | None) -> Agent | None:
    if speaker is None:
        return None
    if phrase.lower() in ("i", "я"):
        return Agent(label=speaker.speaker or "", how="pronoun", person_id=speaker.person_id,
                     country=speaker.speaker_country) if speaker.speaker else None
    if re.search(r"(?i)\bagreed\b", ctx.text[speaker.start:speaker.end]) and ctx.meeting_format:
        return Agent(label=f"{ctx.meeting_format} partners", how="context", collective=True)
    country = speaker.speaker_country
    return Agent(label=country, how="pronoun", country=country) if country else None


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
        person_id=agent.person_id if actor == agent.label else None, amount=amount,
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
