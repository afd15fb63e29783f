"""Who commits: the subject of a commitment cue, found the way a reader finds it.

"France pledged": the subject before the cue; "we will" in a quote: the speaker's country;
"they agreed" after "Russia and Ukraine said": the subject of the speech verb; "funding provided
by NATO Allies": the agent after the cue.
"""
from __future__ import annotations

import re

from bot.extract.agents import (
    Agent,
    Discourse,
    group_agent,
    parse_agent,
    person_agent,
    signatories,
    strip_tail,
    two_sides,
)
from bot.extract.alternation import by_first_letter
from bot.extract.context import Context
from bot.extract.lexicon import LANGUAGES, alternation, fragments
from storage.records import Sentence, Statement

# A clause ends at a sentence's end too: a quote of several sentences is one "sentence" here.
_CLAUSE = re.compile(r"[;:(“”\"«»—–]|(?<=[a-z][.!?])\s+(?=[A-Z])|"
                     r"\b(?:that|but|while|which|what|who|after|since|as|when|"
                     r"if|once|where|що|як)\b|,\s(?![A-Z]|the\s+[A-Z]|and\b|all\b)")
_FIRST_PERSON = re.compile(r"(?:^|\s)(?P<who>[Ww]e|I|[Мм]и|[Яя])$")
# Reporting verbs end the subject of what follows them (subject_cut_verbs.txt).
_SPEECH_CUT = re.compile(r"\b" + by_first_letter(fragments("en", "subject_cut_verbs")) + r"\b")
_VERBISH = re.compile(r"\b(?:[a-z]+ed|saw|met|took|made|gave|has|have|had|is|are|was|were|will|"
                      r"would|can|could|must|wants)\b")
# "Norway, one of Chile's oldest partners, will ...": an apposition between commas describes the
# subject before it; its own nouns ("partners", "Chile") are not who acts.
_APPOSITION = re.compile(r"(?i),\s+(?:one\s+of|who|which|whose|a|an|the|од(?:ин|на|не)\s+(?:з|із)|"
                         r"як(?:ий|а|е|і))\s[^,;]*,\s*$")
_TWO_SIDES = re.compile(r"(?i)(?:^|\s)(?:both|the\s+two|обидві|дві)\s+(?:[a-z]+\s+)?"
                        + alternation("two_sides") + r"\s*$")
_GOVERNED_WHICH = re.compile(r"(?i)\b(?:under|in|by|through|with|for|on|according\s+to)\s+which$")
_PREPOSITION = re.compile(r"(?i)^\s*(?:in|at|on|during|after|before|за|на|у|в|під|під\s+час)\b")
_TRAILING_GROUP = re.compile(r"(?:[Aa]\s+number\s+of\s+|[Ss]everal\s+|[Mm]any\s+)?"
                             r"(?:(?:[A-Z][\w.’'-]*|the|all|other|some)\s+(?:of\s+(?:the\s+)?)?)*"
                             r"(?i:allies|partners|leaders|countries|participants|members|"
                             r"nations|союзники|партнери|учасники|країни)\s*$")

# An aside between commas ("Germany, for instance, agreed to ...") is blanked out of the head, so
# that its commas do not end the subject; offsets stay as they were.
_ASIDE = re.compile(r",\s+" + by_first_letter(
    [one for lang in LANGUAGES for one in fragments(lang, "parentheticals")]) + r",(?=\s)",
    re.IGNORECASE)


# The giver named after what is given: "a $1bn pledge from Norway" (the cue rule in commitments).
_FROM = re.compile(r"(?:pledges?|contributions?|donations?)\s+from\s+")
_NAMES = re.compile(r"(?:(?:the\s+)?[A-Z][\w’'-]*(?:\.[A-Z])*\.?(?:,?\s+(?:and\s+)?)?)+")
_LIST = re.compile(r"[^,]+(?:,\s+[^,]+)*\s+and\s+[^,]+")


def find_actor(ctx: Context, disc: Discourse, sentence: Sentence, at: int,
               speaker: Statement | None, last: Agent | None) -> Agent | None:
    """Return who commits through the cue at sentence offset ``at``."""
    head = sentence.text[:at]
    if "," in head:
        head = _ASIDE.sub(lambda m: " " * len(m.group()), head)
        apposition = _APPOSITION.search(head)
        if apposition and head[:apposition.start()].strip():
            head = head[:apposition.start()] + " " * (len(head) - apposition.start())
    if sentence.text[at:].startswith(("provided by", "will receive")) or _FROM.match(sentence.text, at):
        return _giver(ctx, disc, sentence, at)
    if re.match(r"\w+ing\b", sentence.text[at:]) and re.search(r",\s*$", head):
        return _participle(ctx, disc, sentence, head)
    cuts = sorted(list(_CLAUSE.finditer(head)) + list(_SPEECH_CUT.finditer(head)),
                  key=lambda m: m.end())
    cut = cuts[-1] if cuts else None
    start, stop = (cut.end() if cut else 0), len(head.rstrip())
    phrase = strip_tail(head[start:])
    if not phrase and cut and _SPEECH_CUT.fullmatch(cut.group()) and not head[cut.end():].strip():
        # "He confirmed plans to visit", "Chile announced plans to ...": the plans are the
        # subject's of the verb right before them
        return _speaker_before(ctx, disc, sentence, head)
    first = _FIRST_PERSON.search(phrase)
    if first:
        return _first_person(ctx, first.group("who"), speaker)
    if cut and cut.group() in ("who", "which") and re.search(r",\s*$", head[:cut.start()]):
        return _before_who(ctx, disc, sentence, head, cut.start())
    # "a deal under which Peru will supply gas": after a preposition, "which" opens a clause
    # with its own subject; otherwise "X has determined which countries are ready" is X's.
    governed = cut is not None and _GOVERNED_WHICH.search(head[:cut.end()]) is not None
    if cut and cut.group() in ("which", "what") and not governed:
        start, stop = (cuts[-2].end() if len(cuts) > 1 else 0), cut.start()
        verb = re.search(r"\s+\w+ed\s*$", head[start:stop])
        stop = start + verb.start() if verb else stop
        phrase = strip_tail(head[start:stop])
    return _from_phrase(ctx, disc, sentence, head, phrase, start, stop, at, last)


def _participle(ctx: Context, disc: Discourse, sentence: Sentence, head: str) -> Agent | None:
    """Return who acts in a participle clause: "came from Norway, pledging $3bn" (the name just
    before the comma), "Chile, pledging $1bn, launched ..." (the subject that opens it)."""
    comma = sentence.start + len(head.rstrip().rstrip(","))
    near = [f for f in ctx.mentions(sentence) if comma - 2 <= f.end <= comma
            and f.kind in ("country", "org", "person")]
    if near:
        one = near[-1]
        return subject_phrase(ctx, disc, sentence, one.start, one.end)
    return _sentence_subject(ctx, disc, sentence)


def _before_who(ctx: Context, disc: Discourse, sentence: Sentence, head: str,
                who: int) -> Agent | None:
    """Return who a relative clause is about: "Vice President Kamala Harris, who announced $1.5
    billion" (the person before "who"), "Norway, which pledged $3bn" (the country)."""
    comma = head[:who].rstrip().rfind(",")
    at = sentence.start + comma
    people = [p for p in disc.people if p.sentence == sentence.index and at - 2 <= p.end <= at]
    if people:
        return person_agent(people[-1])
    if head[who:].startswith("which"):
        begin = max((m.end() for m in _CLAUSE.finditer(head[:comma])), default=0)
        agent = subject_phrase(ctx, disc, sentence, sentence.start + begin, sentence.start + comma)
        # "which" is never a person: "the plan presented by the President, which could ..."
        person = agent is not None and (agent.person_id is not None or agent.how == "role")
        return agent if agent and not person and (agent.country or agent.org or agent.collective) \
            else None
    return None


def _from_phrase(ctx: Context, disc: Discourse, sentence: Sentence, head: str, phrase: str,
                 start: int, stop: int, at: int, last: Agent | None) -> Agent | None:
    """Resolve the subject phrase of a cue: pronouns, a continued subject, or the phrase."""
    if re.search(r"(?i)\basked\s+(?:if|whether)\s+\w+\s*$", head):
        return None  # a question put to someone is no commitment
    pronoun = _third_person(ctx, disc, sentence, head, phrase)
    if pronoun:
        return pronoun
    if last and re.search(r"\band$", phrase):  # "... supported X and are ready to ..."
        return last
    if not phrase:
        return last or _leading(ctx, disc, sentence, head)
    agent = subject_phrase(ctx, disc, sentence, sentence.start + start, sentence.start + stop)
    quoted = ctx.in_quote(sentence.start + at)
    if agent and quoted and (agent.how == "pronoun" or agent.person_id or agent.collective):
        return None  # inside a quote only "we", "I" or a named country or organisation commits
    return agent


def _third_person(ctx: Context, disc: Discourse, sentence: Sentence, head: str,
                  phrase: str) -> Agent | None:
    """Resolve "he" and "they" to the subject of the speech verb before them, if any."""
    if re.search(r"(?i)(?:^|\s)(?:his|her)\s+(?:country|government)$", phrase):
        before = _speaker_before(ctx, disc, sentence, head)  # "X said his country could ..."
        return Agent(label=before.country, how="pronoun", country=before.country) \
            if before and before.country else None
    if re.search(r"(?i)(?:^|\s)(?:he|she|it)$", phrase):
        return _speaker_before(ctx, disc, sentence, head)  # "Trump has said he wants to ..."
    if re.search(r"(?i)(?:^|\s)(?:they|вони)$", phrase):
        before = _speaker_before(ctx, disc, sentence, head)
        if before and (before.collective or " and " in before.label):
            return before
        # "European leaders, among them Merz and Starmer, said they ...": the group, not one
        opening = _sentence_subject(ctx, disc, sentence)
        return opening if opening and opening.collective else before or opening or disc.collective
    return None


def _giver(ctx: Context, disc: Discourse, sentence: Sentence, at: int) -> Agent | None:
    """Return who gives when the text names the receiver: "funding provided by NATO Allies",
    "Leaders confirmed that Ukraine will receive ..."."""
    by = _FROM.match(sentence.text, at) or re.compile(r"provided by\s+").match(sentence.text, at)
    if by:
        # "provided by NATO Allies", "provided by the United States, Germany, and Italy", "a $1bn
        # pledge from the Netherlands"
        tail = _NAMES.match(sentence.text, by.end())
        if not tail:
            return None
        name = tail.group().rstrip(" ,")
        name = name[:-1] if name.endswith(".") and name[-2:-1].islower() else name  # sentence end
        begin = sentence.start + by.end()
        return subject_phrase(ctx, disc, sentence, begin, begin + len(name))
    giver = re.match(r"(.+?)\s+(?:confirmed|said|announced|agreed|decided)\s+that\b",
                     sentence.text[:at])
    return subject_phrase(ctx, disc, sentence, sentence.start, sentence.start + giver.end(1)) \
        if giver else None


def _leading(ctx: Context, disc: Discourse, sentence: Sentence, head: str) -> Agent | None:
    # "Macron noted that the Coalition countries established ..., expressed support for ...".
    that = list(re.finditer(r"\bthat\s+", head))
    if not that:
        return None
    rest = head[that[-1].end():]
    verb = _VERBISH.search(rest)
    end = that[-1].end() + (verb.start() if verb else len(rest))
    return subject_phrase(ctx, disc, sentence, sentence.start + that[-1].end(), sentence.start + end)


def subject_phrase(ctx: Context, disc: Discourse, sentence: Sentence, start: int,
            end: int) -> Agent | None:
    """Resolve the subject phrase, preferring the entities that end it ("amount France")."""
    text = ctx.text[start:end]
    if _PREPOSITION.match(text):
        comma = text.find(",")
        if comma < 0:
            return None  # "На конференції в Римі пообіцяли": no subject, only a place
        start += comma + 1  # "On the eve of the summit, Poland pledged ..."
        text = ctx.text[start:end]
        # "In coordination with Chile, Peru, and Bolivia, the EU will ...": the opening phrase's
        # list ends with its "and" item; the subject follows it.
        closed = list(re.finditer(r"\band\s+[^,]+,\s+(?=(?:the\s+)?[A-Z])", text))
        if closed:
            start += closed[-1].end()
            text = ctx.text[start:end]
    verbs = list(_VERBISH.finditer(strip_tail(text)))
    if _TWO_SIDES.search(strip_tail(text)):  # "the two countries" before its trailing "countries" is cut
        return two_sides(ctx, sentence, start)
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
    if agent and agent.how == "name" and not agent.person_id and len(agent.label) > 40 and \
            not _LIST.fullmatch(agent.label):  # a long name is a phrase, a list of countries is not
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
    agent = subject_phrase(ctx, disc, sentence, sentence.start + cut, sentence.start + len(before))
    if agent is None:  # "Trump, in office since January, has said he ...": the sentence subject
        people = [p for p in disc.people if p.sentence == sentence.index
                  and p.end <= sentence.start + len(before)]
        agent = person_agent(people[0]) if people else None
    return agent


def _sentence_subject(ctx: Context, disc: Discourse, sentence: Sentence) -> Agent | None:
    # "Russia and Ukraine said ... they agreed": "they" is the subject that opens the sentence.
    match = re.match(r"(?:(?:[A-Z][\w.’'-]*|the|and|a|number|of|all|other|leaders|allies|"
                     r"partners|countries|nations|members|participants|delegations)\b\s*)+",
                     sentence.text)
    if not match:
        return None
    return parse_agent(ctx, disc, sentence, sentence.start, sentence.start + match.end())


def _first_person(ctx: Context, who: str, speaker: Statement | None) -> Agent | None:
    """Return the speaker for "I", the speaker's country (or the meeting's group) for "we"."""
    if speaker is None:
        group = signatories(ctx) if who.lower() in ("we", "ми") else None
        return Agent(label=group, how="context", collective=True) if group else None
    if who.lower() in ("i", "я"):
        return Agent(label=speaker.speaker or "", how="pronoun", person_id=speaker.person_id,
                     country=speaker.speaker_country) if speaker.speaker else None
    if re.search(r"(?i)\bagreed\b", ctx.text[speaker.start:speaker.end]) and ctx.meeting_format:
        return Agent(label=f"{ctx.meeting_format} partners", how="context", collective=True)
    body = speaker.speaker_org or _office_body(ctx, speaker.person_id)
    if body:  # "we" of the Commission's president is the Commission, not her country
        return Agent(label=body, how="pronoun", org=body)
    country = speaker.speaker_country
    return Agent(label=country, how="pronoun", country=country) if country else None


def _office_body(ctx: Context, person_id: str | None) -> str | None:
    """Return the organisation whose office the person holds on the meeting's day, if any."""
    entity = ctx.index.get(person_id) if person_id else None
    day = ctx.date or ctx.doc.published or ""
    for role in entity.roles if entity else ():
        if role.org and (role.start or "") <= day[:10] and (not role.end or day[:10] <= role.end):
            return role.org
    return None
