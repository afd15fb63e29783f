"""Who committed to what and how strongly: "France pledged €2bn", "the coalition backed ...",
"Kyiv was ready to buy ...", "we will not ease off" (the speaker's country)."""
from __future__ import annotations

import bisect
import re

from bot.extract.actors import find_actor, subject_phrase
from bot.extract.agents import Agent, Discourse
from bot.extract.alternation import by_first_letter
from bot.extract.amounts import find_amount, find_condition, find_timeframe
from bot.extract.context import Context
from bot.extract.lexicon import LANGUAGES, fragments, words
from bot.extract.signing import HEADS, each_member, on_behalf_of, signers, witnessed
from storage.records import Commitment, Sentence, Statement

# The kinds in the order they are tried: at one place a stronger kind wins ("committed $5bn" is
# a pledge, not readiness). Their words live in data/language/<lang>/commitment_<kind>.txt; the
# uses that need their context are written here, each after a word that every match holds.
KINDS = ("signed", "delivered", "pledge", "ready", "intent", "support")
_GIVING = by_first_letter(fragments("en", "giving_verbs"))
_ACTING = by_first_letter(fragments("en", "acting_verbs"))
# "will also provide", "would immediately resume": an adverb that keeps the promise whole
_ADVERB = r"(?:" + by_first_letter(fragments("en", "binding_adverbs")) + r"\s+)?"
# An amount's first characters: a currency sign, one with its country's letters ("US$ 2bn",
# "C$40m") or a digit.
_MONEY = r"(?:[A-Z]{0,3}[$€£]|\d)"
_ABOUT = r"(?:almost|over|about|nearly|more\s+than|up\s+to|another|an\s+additional|a\s+further)"
_CONTEXTUAL: dict[str, tuple[tuple[str, str], ...]] = {
    "pledge": (
        # "pledges" as a verb, before what is pledged: not "new pledges", "the pledges of"
        ("pledges", r"pledges(?<!\bnew\spledges)(?<!\bin\spledges)(?<!\bof\spledges)"
                    rf"(?<!\bthe\spledges)(?=\s+(?:{_MONEY}|an?\s|more|new|further|additional|support|"
                    r"aid|to\b))"),
        ("commits", rf"commits(?=\s+(?:to|an?|{_MONEY}))"),
        ("sending", r"(?:is|are)\s+sending(?!\s+(?:\S+\s+){0,3}?(?:message|signal))"),
        ("approved", r"approved(?=\s+(?:an?\s+|the\s+)?(?:[^.]|\.\d){0,30}?(?:package|aid|funding|"
                     r"loan|billion|million))"),
        ("committed", r"committed(?=\s+(?:an?\s+|to\s+an?\s+(?:further|additional|new)|almost|over|"
                      rf"about|nearly|more\s+than|{_MONEY}))"),
        ("commit", rf"commit(?=\s+(?:almost|over|about|nearly|{_MONEY}))"),
        # "put $3bn into the fund", "invested €2bn in", "pledging $1bn", "committing 500 troops":
        # money or means named right after the verb
        *((word, rf"{verb}(?=\s+(?:{_ABOUT}\s+)?{_MONEY})") for word, verb in [
            ("put", r"put(?:s|ting)?"), ("invest", r"invest(?:s|ed|ing)?"),
            ("pledging", r"pledging"), ("committing", r"committing")]),
        # "contributed $40m to the fund", "внесе 5 млн доларів": money given to a common pot
        ("contributed", rf"contributed(?=\s+(?:almost|over|about|nearly|more\s+than|{_MONEY}))"),
        ("внес", r"внес(?:е|уть|ла|ли|ло)(?=\s+(?:понад\s+|майже\s+|близько\s+)?\d)"),
        *((word, rf"{verb}(?!\s+that)(?=\s+(?:an?\s+)?(?:[^.]|\.\d){{0,40}}?\b(?:package|aid|deal|"
                       r"funding|billion|million))") for word, verb in [
            ("announc", r"announc(?:ed|es|ing)"), ("unveil", r"unveil(?:ed|s|ing)"),
            ("rolled", r"rolled\s+out")]),
        # "оголосили про новий пакет допомоги", "анонсував пакет на 400 млн євро"
        *((word, rf"{verb}(?=\s+(?:про\s+)?[^.]{{0,40}}?(?:пакет|допомог|млн|млрд|мільйон|мільярд))")
          for word, verb in [("оголоси", r"оголоси(?:в|ла|ли)"), ("анонсува", r"анонсува(?:в|ла|ли)")]),
        # "Chile's offer of two ships", "Peru’s pledge to rebuild": the owner promises
        *((noun, rf"{noun}(?<=[’']s\s{noun})\s+(?:of|to)\b") for noun in ("pledge", "promise")),
        # "a $1bn pledge from Norway": the giver follows (actors.find_actor reads it)
        ("from", r"(?:pledges?|contributions?|donations?)\s+from(?=\s+(?:the\s+)?[A-Z])"),
        # "will provide", "agreed to send": a verb of giving after a promise
        *((aux, rf"{aux}\s+{_ADVERB}{_GIVING}") for aux in ("will", "would")),
        *((verb, rf"{verb}\s+to\s+{_GIVING}") for verb in ("agreed", "decided", "committed")),
    ),
    "ready": (("agreed", r"agreed\s+(?:\w+\s+){0,3}to(?!\s+[\"“]?meet)"),
              ("offer", r"offer(?<=[’']s\soffer)\s+(?:of|to)\b")),  # "Chile's offer of ships"
    "intent": (
        # "I want to thank ..." is courtesy, not intent
        ("want", r"(?:wants?|wanted)\s+to(?!\s+(?:thank|welcome|say|stress|add|emphasi[sz]e|"
                 r"congratulate|express|acknowledge|recognise|recognize|underline|begin|start))"),
        ("agreed", r"agreed\s+to\s+[\"“]?meet"),
        # "погодилися посилити тиск" binds; "погодилися, що ..." is a view they share (speech)
        ("погоди", r"погоди(?:ли|лися|вся|лася)(?!\s*,?\s*що\b)"),
        ("could", rf"could\s+{_GIVING}"),
        *((aux, rf"{aux}\s+{_ADVERB}{_ACTING}") for aux in ("will", "would")),
        # "launched a fund", "launches the initiative"
        ("launch", r"launch(?:ed|es)(?=\s+(?:[^.]){0,60}?(?i:initiative|fund|facility|programme|program|"
                   r"partnership|coalition|mechanism|platform|alliance|plan)\b)"),
    ),
    "support": (("backed", r"backed(?!\s+by)"), ("supported", r"supported(?!\s+by)"),
                ("endorsed", r"endorsed(?!\s+by)")),
}
# "long-delivered", "US-backed": a cue inside a compound word is an adjective.
_NOT_COMPOUND = {"delivered": r"(?<![-‑])", "support": r"(?<![-‑])"}


def _cue_pattern(kind: str) -> re.Pattern[str]:
    rules = [rule for _, rule in _CONTEXTUAL.get(kind, ())]
    listed = [one for lang in LANGUAGES for one in fragments(lang, f"commitment_{kind}")]
    every = [*rules, *listed]
    return re.compile(rf"{_NOT_COMPOUND.get(kind, '')}(?<!\w){by_first_letter(every)}(?!\w)")


def _needles(kind: str) -> tuple[str, ...]:
    """Return words one of which every match of the kind's cues holds: each entry's longest
    literal word ("providing" of "is providing"), each rule's word."""
    longest = [max(reversed(re.findall(r"[^\s*?'’ʼ]+", entry)), key=len)
               for lang in LANGUAGES for entry in words(lang, f"commitment_{kind}")]
    return tuple(dict.fromkeys([*longest, *(word for word, _ in _CONTEXTUAL.get(kind, ()))]))


def needle_finder(needles: dict[str, tuple[str, ...]]) -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    """Return a pattern that finds, at each position, the longest needle that starts there, and
    the kinds of each needle and of every needle it begins with (those start there too).

    One pass over a sentence tells which kinds' needles it holds anywhere: the same as testing
    each of the ~140 needles in turn, in about half the time.
    """
    every = sorted({n for found in needles.values() for n in found}, key=lambda n: (-len(n), n))
    groups: dict[str, list[str]] = {}
    for needle in every:  # longest first within a first letter: the longest one there matches
        groups.setdefault(needle[0], []).append(re.escape(needle[1:]))
    branches = "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())
    branches = branches or "(?!)"  # no needles: a pattern that never matches
    kinds = {n: frozenset(k for k, found in needles.items() if any(n.startswith(m) for m in found))
             for n in every}
    return re.compile(f"(?=({branches}))"), kinds


def kinds_with_needles(text: str, finder: tuple[re.Pattern[str], dict[str, frozenset[str]]]) -> set[str]:
    """Return the kinds that have a needle somewhere in ``text``."""
    pattern, kinds = finder
    present: set[str] = set()
    for needle in set(pattern.findall(text)):
        present |= kinds[needle]
    return present


_CUES = [(kind, _cue_pattern(kind)) for kind in KINDS]
# Testing the needles first lets most sentences skip most patterns (the patterns are the
# costliest part of extracting commitments).
_NEEDLES = {kind: _needles(kind) for kind in KINDS}
_FINDER = needle_finder(_NEEDLES)


def extract_commitments(ctx: Context, disc: Discourse,
                        statements: list[Statement]) -> list[Commitment]:
    """Return the commitments of the document; one per actor, kind and action."""
    speakers = _speakers(ctx, statements)
    out: list[Commitment] = []
    for sentence in ctx.sentences:
        last: Agent | None = None
        cues = _cues(sentence)
        for i, (kind, at, cue_end) in enumerate(cues):
            if _unbinding(sentence, at) or (kind == "signed" and witnessed(sentence, cue_end)):
                continue  # "signed as a witness": a guarantor's signature binds no party
            on_behalf = on_behalf_of(ctx, sentence) if kind == "signed" else None
            agent = on_behalf or find_actor(ctx, disc, sentence, at, speakers.get(sentence.index),
                                            last)
            if agent is None or (_OWNED.search(sentence.text[:at]) and not agent.country
                                 and not agent.org):
                continue  # "the minister's offer": an owner that names no country or body
            last = agent
            stop = cues[i + 1][1] if i + 1 < len(cues) else len(sentence.text)
            end = _action_end(ctx, sentence, at, stop)
            agents = (signers(ctx, disc, sentence, agent, at, end) if kind == "signed"
                      else each_member(ctx, sentence, agent, at))
            out.extend(_commitment(ctx, sentence, one, kind, at, end) for one in agents)
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


_OWNED = re.compile(r"[’']s\s$")
_QUESTION = re.compile(r"\?[”\"»’']*$")
_HOPE = re.compile(r"(?i)\b(?:hope[sd]?|hoping|wish(?:es|ed)?|сподіва\w*)\b")
# "with plans to", "the promised jets": after a determiner the cue is a noun or an adjective.
_DETERMINER = re.compile(r"(?i)\b(?:the|an?|its|their|his|her|our|with|new)\s+$")
_NEGATED = re.compile(r"(?i)\bnot\s+(?:all|every)\b|\b(?:not|never|не)\s+$")


def _unbinding(sentence: Sentence, at: int) -> bool:
    """Tell whether the cue at ``at`` binds no one: in a question ("Is Denmark ready to ...?"),
    a hope ("I hope the United States will ..."), negated ("not all Allies agreed on ..."), or a
    noun ("with plans to ...")."""
    head = sentence.text[:at]
    return bool(_QUESTION.search(sentence.text) or _HOPE.search(head) or _NEGATED.search(head)
                or _DETERMINER.search(head[-8:]))


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


def _action_end(ctx: Context, sentence: Sentence, at: int, stop: int) -> int:
    """Return where the action of a cue ends: the next cue, a new clause, or the quote it is in."""
    quote = next((e for s, e in ctx.quotes if s < sentence.start + at < e), None)
    if quote is not None:
        stop = min(stop, quote - 1 - sentence.start)
    clause = re.search(
        r",\s+(?:while|but|whereas|and\s+(?:that|the|its))\b|,?\s+(?:under|by|through)\s+which\b|;|\s[—–]\s|(?<![A-Z]\.[A-Z])[.!?]\s",
        sentence.text[at:stop])
    end = at + clause.start() if clause else stop
    return end - len(sentence.text[at:end]) + len(sentence.text[at:end].rstrip(" ,"))


def _cues(sentence: Sentence) -> list[tuple[str, int, int]]:
    found: list[tuple[str, int, int]] = []
    present = kinds_with_needles(sentence.text, _FINDER)
    for kind, pattern in _CUES:
        if kind not in present:
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
    actor, country = re.sub(r"[’']s$", "", agent.label), agent.country  # "the president's pledge"
    if agent.person_id and amount and agent.role in HEADS and country:
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
    """Drop repeats: the same actor, kind and amount, or the same actor, kind and action; a
    signing by one side of a pair already seen signing ("Chile signed" after "Chile and Peru
    signed")."""
    seen: set[tuple[str, str, str]] = set()
    signers: list[frozenset[str]] = []
    out = []
    for row in rows:
        keys = {(row.actor, row.kind, " ".join(row.action.split()[:6]))}
        if row.amount:
            keys.add((row.actor, row.kind, row.amount))
        sides = frozenset(re.split(r",\s*|\s+and\s+", row.actor)) if row.kind == "signed" else None
        if sides:
            keys.add((row.actor, row.kind, ""))
        if keys & seen or (sides and any(sides < pair for pair in signers)):
            continue
        if sides:
            signers.append(sides)
        seen |= keys
        out.append(row)
    return out
