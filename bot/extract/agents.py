"""Who a phrase refers to: a named person, a role ("the Head of State"), a pronoun, a country,
an organisation or a collective ("the leaders", "allies"); resolved against what came before."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from bot.extract.alternation import alternatives, by_first_letter
from bot.extract.context import Context
from bot.extract.full_names import full_names
from bot.extract.lexicon import alternation
from bot.extract.people import Person, people_in
from bot.extract.titles import ROLE_RE, ROLE_WORDS, WORD_START, is_plural_role, tidy_role
from storage.records import Sentence

_HE = {"he", "she", "him", "her", "він", "вона", "його", "її"}
_THEY = {"they", "вони"}
_COLLECTIVE = re.compile(
    r"(?i)" + WORD_START + by_first_letter(alternatives(
        r"leaders|allies|partners|countries|nations|members|participants|delegations|"
        r"coalition|office|ministry|government|media|administration|side|parties|europeans|signatories|"
        r"лідери|учасники|партнери|союзники|країни|сторони")) + r"\b")
_ADVERBS = re.compile(r"(?i)\s+" + alternation("subject_tail") + r"\s*$")
# "Meanwhile, Chile pledged", "Також міністр оборони Чилі оголосив": an opening adverb
_OPENER = re.compile(r"(?i)^" + alternation("subject_lead") + r"(?:\s*,\s*|\s+)(?=\S)")
# "Chile and Peru have formally agreed": an English adverb in -ly (lower case, so that "Italy"
# stays), except the few nouns so spelt that can end a subject.
_LY_ADVERB = re.compile(r"\s+(?!(?:supply|family|assembly|monopoly|rally|anomaly)$)[a-z]{3,}ly$")
# A speaker the text describes without a name: "a senior EU official", "Western diplomats".
_DESCRIBED = re.compile(r"(?i)\b(?:officials?|spokes(?:person|man|woman)|sources?|diplomats?|circles|"
                        r"analysts?|aides?|representatives?|посадов\w+|джерел\w+|речни\w+)\b")
_BODY = re.compile(r"(?i)\b(?:office|ministry|administration|press\s+service|cabinet)\s+of\b")
# Offices whose holder is one person per country: "the French President" is never "a" French one.
_OFFICES = {"President", "Prime Minister", "Chancellor", "Vice President", "Foreign Minister",
            "Defence Minister", "King"}
# A country's government speaking or acting as the country: "the British government", "the
# Ukrainian side", "Canadian authorities".
_GOVERNMENT = re.compile(r"(?i)(?:the\s+)?[\w.’'-]+(?:\s+[\w.’'-]+)?\s+(?:government|administration|"
                         r"authorities|side|уряд|влада|сторона)")
_LEAD = re.compile(r"(?i)^(?:the|all|other|some|both|a|an)\s+")


@dataclass(frozen=True)
class Agent:
    """Who says or commits: the label shown to users and what it resolves to."""

    label: str
    how: str  # name | role | pronoun | title | context
    person_id: str | None = None
    country: str | None = None
    org: str | None = None
    collective: bool = False
    role: str | None = None
    name: str | None = None  # the person's own name, when the label carries a title too


@dataclass
class Discourse:
    """What a reader remembers while going through a document: who was named, who spoke."""

    people: list[Person] = field(default_factory=list)
    starts: dict[int, int] = field(default_factory=dict)  # sentence index -> offset
    speaker: Agent | None = None
    speaker_sentence: int = -99
    subject: Agent | None = None
    collective: Agent | None = None

    def note_speaker(self, agent: Agent, sentence: int) -> None:
        """Remember the last speaker, for "he said" and unattributed quotes that follow."""
        self.speaker, self.speaker_sentence = agent, sentence
        if agent.collective:
            self.collective = agent
        elif agent.person_id or agent.how in ("name", "role"):
            self.subject = agent


def person_agent(person: Person, how: str = "name", label: str | None = None) -> Agent:
    """Return the agent for a person found in the text."""
    return Agent(label=label or person.name, how=how, person_id=person.person_id,
                 country=person.country, org=person.org, role=person.role, name=person.name)


def parse_agent(ctx: Context, disc: Discourse, sentence: Sentence, start: int,
                end: int) -> Agent | None:
    """Return who the phrase at ``start:end`` of the document refers to, or None."""
    start = max(start, ctx.body_start(sentence))  # "JEDDAH, March 11 (Reuters) - Ukraine said"
    phrase = strip_tail(ctx.text[start:end])
    low = phrase.lower()
    if not phrase or len(phrase) > 120 or re.match(r"(?i)(?:each|every|any|no)\b", phrase):
        return None
    if low in _HE:
        return _pronoun(disc, sentence)
    if low in _THEY:
        return disc.collective
    if low in ("we", "ми"):  # outside a quote: the signatories of a joint statement, or no one
        group = signatories(ctx)
        return Agent(label=group, how="context", collective=True) if group else None
    people = [p for p in people_in(ctx, sentence)
              if start <= p.start and p.end <= end + 2 and not p.possessive]
    if people:
        return person_agent(people[-1])
    if re.fullmatch(r"[A-ZА-ЯІЇЄҐ][a-zа-яіїєґ’'-]+", phrase) and _first_name(disc, phrase):
        return person_agent(_first_name(disc, phrase))  # type: ignore[arg-type]
    orgs = [f for f in ctx.mentions(sentence) if f.kind == "org" and start <= f.start
            and f.end <= end and ROLE_RE.search(f.text)]
    if orgs:  # "the Office of the President of Ukraine" is an organisation, not a president
        return group_agent(ctx, sentence, phrase, start, end)
    return (_role_agent(ctx, disc, sentence, phrase, start, end)
            or group_agent(ctx, sentence, phrase, start, end))


_SIDES = ("country", "org")  # "China and the EU ... the two powers"


def two_sides(ctx: Context, sentence: Sentence, before: int) -> Agent | None:
    """Return the pair "both sides" (at document offset ``before``) stands for: two countries
    or organisations named earlier in its sentence ("Chile and Peru met, and both sides
    agreed"), else the two the text has named most so far (the first named first on a tie)."""
    here = [f.name for f in ctx.mentions(sentence) if f.kind in _SIDES and f.end <= before]
    if len(set(here)) >= 2:
        return Agent(label=" and ".join(list(dict.fromkeys(here))[:2]), how="context",
                     collective=True)
    counts: dict[str, int] = {}
    for one in ctx.sentences[:sentence.index + 1]:
        for found in ctx.mentions(one):
            if found.kind in _SIDES:
                counts[found.name] = counts.get(found.name, 0) + 1
    pair = sorted(counts, key=lambda name: -counts[name])[:2]  # sorted is stable: ties keep order
    if len(pair) < 2:
        return None
    return Agent(label=" and ".join(pair), how="context", collective=True)


_SIGNATORIES = re.compile(r"(?i)^\s*joint\s+(?:statement|declaration|communiqu[ée])\s+(?:of|by)\s+"
                          r"(?:the\s+)?(?P<who>.+?)(?:\s+(?:on|about|regarding|following)\b|[.:]|$)")


# "G7 Leaders' Statement on Ukraine", "Nordic Foreign Ministers' Joint Declaration": the authors.
_AUTHORS_TITLE = re.compile(r"^(?:The\s+)?(?P<who>[^:.]{2,60}?\b(?:[Ll]eaders|[Mm]inisters|[Hh]eads\s+of\s+"
                            r"[Ss]tate\s+and\s+[Gg]overnment))[’']?\s+(?:[Jj]oint\s+)?(?:[Ss]tatement|"
                            r"[Dd]eclaration|[Cc]ommuniqu[ée])\b")
_WE_THE = re.compile(r"(?:We|Ми),\s+(?:the\s+)?(?P<who>[^,]{3,80}),")


def signatories(ctx: Context) -> str | None:
    """Return who "we" is in a joint statement or declaration: "Joint statement of the Weimar+
    foreign ministers on ..." -> "Weimar+ foreign ministers"; "We, the Leaders of the G20, ..." ->
    "G20 leaders"."""
    match = _SIGNATORIES.match(ctx.doc.title or "") or \
        (_SIGNATORIES.match(ctx.sentences[0].text) if ctx.sentences else None)
    if match:
        return match.group("who")
    # A declaration names its authors in its first lines: "We, the Leaders of the G20, ..."
    for sentence in ctx.sentences[:4]:
        authors = _WE_THE.match(sentence.text)
        if authors:
            return format_label(ctx, authors.group("who").strip())
    match = _AUTHORS_TITLE.match(ctx.doc.title or "") or \
        (_AUTHORS_TITLE.match(ctx.sentences[0].text) if ctx.sentences else None)
    return match.group("who") if match else None


def strip_tail(text: str) -> str:
    """Drop auxiliaries and adverbs that end a subject phrase ("the EU has already"), and an
    adverb that opens it ("Meanwhile, Chile")."""
    phrase = _OPENER.sub("", text.strip(" ,;:—–-\n"))
    while _ADVERBS.search(phrase) or _LY_ADVERB.search(phrase):
        phrase = _LY_ADVERB.sub("", _ADVERBS.sub("", phrase)).strip()
    return phrase


def _first_name(disc: Discourse, word: str) -> Person | None:
    # "Volodymyr has committed ..." after "President Zelenskyy": a first name alone.
    for person in reversed(disc.people):
        if person.person_id and person.name.split()[0] == word:
            return person
    return None


def _opening_person(disc: Discourse, index: int) -> Person | None:
    """Return the person who opens sentence ``index`` ("Finnish President Stubb praised ...")."""
    people = [p for p in disc.people if p.sentence == index]
    first = people[0] if people else None
    return first if first and first.start - _sentence_start(disc, index) <= 4 else None


def _sentence_start(disc: Discourse, index: int) -> int:
    return disc.starts.get(index, -100)


def _pronoun(disc: Discourse, sentence: Sentence) -> Agent | None:
    opener = _opening_person(disc, sentence.index - 1)
    if opener:  # "Shmyhal thanked partners. He said ...": the last sentence's subject
        return replace(person_agent(opener), how="pronoun")
    recent = disc.speaker and sentence.index - disc.speaker_sentence <= 3 and \
        not disc.speaker.collective
    agent = disc.speaker if recent else disc.subject
    if agent is None:
        earlier = [p for p in disc.people if p.sentence < sentence.index]
        if not earlier:
            return None
        # No one has spoken yet: "he" is the subject of the last sentence that named someone.
        agent = person_agent(next(p for p in earlier if p.sentence == earlier[-1].sentence))
    return replace(agent, how="pronoun", label=agent.name or agent.label)


def _role_agent(ctx: Context, disc: Discourse, sentence: Sentence, phrase: str, start: int,
                end: int) -> Agent | None:
    if _BODY.search(phrase):
        return Agent(label=_LEAD.sub("", phrase), how="name", collective=True)
    match = ROLE_RE.search(phrase)
    if not match or _COLLECTIVE.search(phrase) or re.search(r"(?i)\bleaders\b", match.group()):
        return None
    role = tidy_role(match.group())
    scope = [f for f in ctx.mentions(sentence) if start <= f.start and f.end <= end]
    if is_plural_role(match.group()):  # "the Nordic prime ministers": a group, not one of them
        return Agent(label=_LEAD.sub("", phrase), how="name", collective=True)
    country = next((f.name for f in scope if f.kind == "country"), None)
    org = next((f.name for f in scope if f.kind == "org"), None)
    head = None if country or org else _head_of_state(ctx, disc, phrase, role)
    if head:
        return head
    named = _named_before(ctx, disc, role, country, org)
    if named:
        return person_agent(named, "role", _role_label(phrase, named.name, country or org)
                            if named.role and _same_title(ctx, named.role, role) else None)
    return _unnamed_role(ctx, disc, sentence, phrase, match, role, country, org)


def _head_of_state(ctx: Context, disc: Discourse, phrase: str, role: str) -> Agent | None:
    """Resolve "the President" / "the Head of State" without a country: on a government's own
    site its head; in any readout, "the Head of State" is the president it names most."""
    home = ctx.publisher_country
    if home and _same_title(ctx, role, "President"):
        head = ctx.index.person_by_role("President", country=home,
                                        on=ctx.date or ctx.doc.published or None)
        if head:
            return Agent(label=head.name, how="role", person_id=head.id, country=home,
                         role="President", name=head.name)
    principal = _principal(ctx, disc, role) if re.search(r"(?i)head\s+of\s+state", phrase) \
        else None
    return person_agent(principal, "role") if principal else None


def _unnamed_role(ctx: Context, disc: Discourse, sentence: Sentence, phrase: str,
                  match: re.Match[str], role: str, country: str | None,
                  org: str | None) -> Agent:
    """Resolve a title nobody in the text holds: the gazetteer's holder on the day, the speaker
    just before for a loose description, else the title itself as the speaker."""
    entity = None
    if country or org:
        entity = ctx.index.person_by_role(role, country=country, org=org,
                                          on=ctx.date or ctx.doc.published or None)
    label = _LEAD.sub("", phrase)
    if entity is None:
        # "the Italian politician" right after Meloni spoke is Meloni.
        if match.end() == len(phrase) and len(phrase.split()) <= 4 and \
                disc.speaker and sentence.index - disc.speaker_sentence <= 2 and \
                country in (None, disc.speaker.country) and not disc.speaker.collective:
            return replace(disc.speaker, how="context")
        return Agent(label=label, how="role", country=country, org=org)
    return Agent(label=_role_label(phrase, entity.name, country or org), how="role",
                 person_id=entity.id, country=country or entity.country, org=org, role=role,
                 name=entity.name)


def _same_title(ctx: Context, one: str, other: str) -> bool:
    return ctx.index.titles.canonical(one) == ctx.index.titles.canonical(other)


def _principal(ctx: Context, disc: Discourse, role: str) -> Person | None:
    """Return the holder of ``role`` named most often so far (the first on a tie)."""
    holders = [p for p in disc.people if p.role and _same_title(ctx, p.role, role)]
    if not holders:
        return None
    counts: dict[str, int] = {}
    for p in holders:
        counts[p.person_id or p.name] = counts.get(p.person_id or p.name, 0) + 1
    return max(holders, key=lambda p: (counts[p.person_id or p.name], -holders.index(p)))


def _named_before(ctx: Context, disc: Discourse, role: str, country: str | None,
                  org: str | None) -> Person | None:
    """Return the last person named with this title (and country), or, for a loose description
    ("the Italian politician"), the last person named from that country."""
    for person in reversed(disc.people):
        if person.role and _same_title(ctx, person.role, role) and \
                country in (None, person.country) and (org in (None, person.org) or
                                                        _holds(ctx, person, role, org)):
            return person
    if country is None or ctx.index.titles.canonical(role) in _OFFICES:
        return None
    return next((p for p in reversed(disc.people) if p.country == country and not p.org), None)


def _holds(ctx: Context, person: Person, role: str, org: str | None) -> bool:
    """Tell whether the gazetteer knows ``person`` as ``role`` of ``org``: "the NATO Secretary
    General" after "Secretary General Jens Stoltenberg", named without his organisation."""
    entity = ctx.index.get(person.person_id) if person.person_id else None
    return bool(entity) and any(r.org == org and _same_title(ctx, r.title, role)
                                for r in entity.roles)  # type: ignore[union-attr]


def _role_label(phrase: str, name: str, scope: str | None) -> str:
    # "the British Prime Minister" keeps its words next to the name it resolves to.
    return f"{_LEAD.sub('', phrase)} {name}" if scope else name


def group_agent(ctx: Context, sentence: Sentence, phrase: str, start: int,
                end: int) -> Agent | None:
    """Return a country, several countries, an organisation or a collective named by a phrase."""
    scope = [f for f in ctx.mentions(sentence) if start <= f.start and f.end <= end]
    named = (f.name if f.kind == "country" else getattr(f.entity, "country", None)
             for f in scope if f.kind in ("country", "place"))
    countries: list[str] = [c for c in dict.fromkeys(named) if c]
    orgs = [f.name for f in scope if f.kind == "org"]
    label = _LEAD.sub("", phrase)
    opens = re.match(r"(?i)(?:the\s+|all\s+)?(?:leaders|лідери)\b", phrase)
    if len(countries) == 1 and not orgs and _GOVERNMENT.fullmatch(phrase):
        return Agent(label=countries[0], how="name", country=countries[0])  # "the British government"
    if _DESCRIBED.search(phrase) and len(phrase.split()) <= 6 and not countries[1:]:
        return Agent(label=label, how="role", country=countries[0] if countries else None,
                     org=orgs[0] if orgs else None, collective=label.lower().endswith("s"))
    if _COLLECTIVE.search(phrase) and (len(phrase.split()) <= 6 or opens):
        return Agent(label=format_label(ctx, label), how="name", country=None,
                     org=orgs[0] if orgs else None, collective=True)
    if len(countries) > 1 or (countries and orgs):
        names = countries + orgs
        return Agent(label=", ".join(names[:-1]) + " and " + names[-1], how="name",
                     collective=True)
    if countries and re.fullmatch(r"(?i)[\w.’'\s-]{1,30}", phrase):
        return Agent(label=countries[0], how="name", country=countries[0])
    if orgs and len(phrase) < 60:
        return Agent(label=orgs[0], how="name", org=orgs[0])
    if re.fullmatch(r"(?:[A-Z][\w.’'\-]*\s*){1,3}", phrase) and not phrase.endswith("ing"):
        return Agent(label=_in_full(ctx, phrase, start), how="name")
    return None


def _in_full(ctx: Context, surname: str, before: int) -> str:
    """Return the full name a surname stands for, as the text wrote it earlier ("Austin" after
    "Secretary of Defense Lloyd J. Austin III"), or the surname when no earlier name ends so."""
    if not re.fullmatch(r"[A-Z][a-z’'-]{2,}", surname):
        return surname
    if surname not in ctx.text[:before]:
        return surname
    names = []
    for match in full_names(ctx.text, surname, before):
        words = match.split()
        while words and words[0].lower().rstrip(".") in _NOT_FIRST:
            words.pop(0)  # "Defense Secretary Lloyd Austin", "Mr Biden": titles, not names
        if len(words) >= 2 and not words[0].endswith("."):
            names.append(" ".join(words))
    return names[-1] if names else surname


_NOT_FIRST = ROLE_WORDS | {"mr", "mrs", "ms", "dr", "sir", "the", "u.s", "us", "uk", "eu"}


def format_label(ctx: Context, label: str) -> str:
    """Name a group by the meeting's format: "the coalition" -> "Coalition of the Willing";
    "Leaders of the Group of Seven" -> "G7 leaders"."""
    of_org = re.fullmatch(r"(?i)(leaders|members|partners)\s+of\s+(?:the\s+)?(.+)", label)
    org = ctx.index.org(of_org.group(2)) if of_org else None
    if of_org and org:
        return f"{org} {of_org.group(1).lower()}"
    # "the coalition" / "coalition leaders" in a Coalition of the Willing readout.
    fmt = ctx.meeting_format
    if fmt and re.search(r"(?i)\bcoalition\b", label) and "coalition" in fmt.lower() and \
            fmt.lower() not in label.lower():
        return re.sub(r"(?i)\bcoalition(?:'s)?\b", fmt, label, count=1).strip()
    if fmt and re.fullmatch(r"(?i)leaders", label):
        return f"{fmt} leaders"
    return label
