"""Question -> Query: intent, named entities, roles with dates, date range, place, topic words."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from bot.entities import Entity, EntityIndex, Mention
from bot.query.dates import DateRange, parse_date_range
from bot.query.intent import detect_intent
from bot.query.names import NameTerms
from bot.query.terms import BREAK, INTENT_WORDS, STOPWORDS, clean, fts_tokens, topic_phrases, words

MAX_CHARS = 600  # the longest question worth reading; the rest of a 4,096-character paste is noise
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
# Who a question is about, where the words may be a name the index does not know.
_SUBJECT = (
    re.compile(r"\bwhat (?:did|does|has|have|do|will|would) (.{2,60}?) (?:say|said|think|tell|pledge|"
               r"commit|promise|offer|announce|sign|give|provide|send|want|propose|demand)\b", re.I),
    re.compile(r"^(?:did|does|has|have|will|is|was|were) (.{2,60}?) (?:pledge|commit|attend|take part|sign|"
               r"send|say|promise|offer|agree|join|participate|come|go|visit|speak)\b", re.I),
    re.compile(r"\b(?:from|represented|representing) (.{2,60}?)(?:\?|$| at | in | to | on | during )", re.I),
    re.compile(r"^(?:was|were|is) (.{2,60}?) (?:at|in|present|part of|among)\b", re.I),
    re.compile(r"\bwhat (?!did\b|does\b|has\b|have\b|do\b|will\b|would\b)(.{2,40}?) "
               r"(?:said|says|promised|pledged|signed|announced)\b", re.I),
    re.compile(r"(?:що|чого|скільки) (?:сказав|сказала|сказали|заявив|заявила|заявили|пообіцяв|пообіцяла|"
               r"пообіцяли|підписав|підписала|вимагав|вимагала) (.{2,60}?)(?:\?|$| про | щодо | у | в | на )",
               re.I),
    re.compile(r"(?<!\w)від (.{2,60}?)(?:\?|$| був| була| були| на | у | в )", re.I),
)
# Words that name a group rather than someone the store must know.
_GROUP_WORDS = frozenset(
    "leaders leader allies partners participants countries nations officials ministers everyone "
    "they he she europe europeans coalition west government governments lider лідери партнери "
    "союзники країни учасники".split())
_CODE = re.compile(r"(?<![\w.])(?:uk|eu|un|usa|nato|g7|g20|imf|osce|udcg|ebrd|eib|uae)(?![\w])|"
                   r"(?<=\bthe )us(?![\w])|(?<![\w.])us(?=-)|(?<=\band )us\b(?= and| sign| agree)")
_ABOUT = re.compile(r"(?<!\w)(?:about|on|regarding|concerning|про|щодо|стосовно)\s+(?:the\s+)?$", re.I)
_WITH = re.compile(r"(?<!\w)(?:with|meeting|met|to|for|tell|tells|told|з|із|зі|зустрічі з|для)"
                   r"\s+(?:the\s+)?$", re.I)
# "at the first Ramstein meeting", "at the 15th Ramstein": an ordinal may stand before the name.
_AT = re.compile(r"(?<!\w)(?:at|in|during|у|в|на)\s+(?:the\s+)?(?:(?:first|second|third|last|next|latest|"
                 r"\d+(?:st|nd|rd|th)|перш\w*|друг\w*|останн\w*|наступн\w*)\s+)?$", re.I)
_ON_TOPIC = re.compile(r"(?<!\w)(?:on|about|regarding|про|щодо)(?!\w)", re.I)
_FROM = re.compile(r"(?<!\w)(?:from|of|for|representing|represented|від|з|із)\s+(?:the\s+)?$", re.I)
# "for the EPC summit": a name followed by an event word names the meeting, not who came.
_EVENT_AFTER = re.compile(r"\s*(?:summits?|meetings?|conferences?|talks|ministerials?|саміт\w*|зустріч\w*|"
                          r"конференц\w*|переговор\w*)(?!\w)", re.I)
# "in the US delegation", "у делегації США" names a party, not a place.
_PARTY_AFTER = re.compile(r"\s*(?:delegations?|team|side|officials|делегац\w*)(?!\w)", re.I)
_EVENT_BEFORE = re.compile(r"(?<!\w)(?:саміт\w*|зустріч\w*|засідан\w*|конференц\w*|переговор\w*)\s+$",
                           re.I)
_COMPANION = re.compile(r"(?<!\w)(?:with|meet|met|alongside|together with|accompan\w*|з|із|зі|разом з|"
                        r"супровод\w*)(?!\w)", re.I)


@dataclass(frozen=True)
class Query:
    """A parsed question."""

    text: str
    lang: str
    intent: str
    persons: tuple[Entity, ...] = ()
    countries: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    place_words: tuple[str, ...] = ()  # how the question named the places ("white house")
    role_title: str | None = None  # "prime minister" when the question names an office
    role_persons: tuple[Entity, ...] = ()  # who held that office (when the question says)
    role_scopes: tuple[str, ...] = ()  # the countries/organisations the office belongs to
    date: DateRange | None = None
    concepts: tuple[tuple[str, ...], ...] = ()  # topic words, each with its variants
    subjects: tuple[str, ...] = ()  # who the question is about, as written, when not a known name
    companions: bool = False  # persons are met/accompanied, not filtered ("who came with Macron")
    ambiguous: tuple[tuple[str, tuple[str, ...]], ...] = ()  # words -> ids of the people they may name
    said_as: dict[str, str] = field(default_factory=dict)  # canonical name -> as the question wrote it
    focus_terms: tuple[NameTerms, ...] = ()  # set by the engine: the names the store knows
    # Set by the engine (bot.query.scope): the reports of the meeting the question names, and
    # the meeting as written ("the G20 in Johannesburg"); None when it names none.
    scope_docs: frozenset[str] | None = None
    scope_words: str = ""
    mention_spans: tuple[tuple[int, int], ...] = field(default=(), repr=False)

    @property
    def has_names(self) -> bool:
        """Tell whether the question names a person, country or organisation."""
        return bool(self.persons or self.countries or self.orgs)


def language_of(text: str) -> str:
    """Return "uk" when the question is mostly Cyrillic, else "en"."""
    return "uk" if len(_CYRILLIC.findall(text)) > len(_LATIN.findall(text)) else "en"


def restore_codes(text: str) -> str:
    """Upper-case country and organisation codes typed in lower case ("the uk", "nato")."""
    return _CODE.sub(lambda m: m.group().upper(), text)


def parse_question(question: str, *, index: EntityIndex) -> Query:
    """Parse ``question`` into a Query using the entity index."""
    text = clean(question)[:MAX_CHARS].strip()
    intent = detect_intent(text)
    mentions, where = _asked_about(text, intent, index)
    names = _Names()
    for m in mentions:
        names.add(m)
    for m in where:
        names.places.setdefault(m.entity.name, m.text)
    date = parse_date_range(text)
    role_title, holders, scopes = _role_holders(text, index, list(names.countries), list(names.orgs), date)
    spans = tuple((m.start, m.end) for m in (*mentions, *where))
    said = {m.entity.name: m.text for m in mentions}
    spans += _title_spans(text, index, role_title) if role_title else ()
    subjects = _unknown_subjects(text, spans)
    for subject, person, span in _slips(text, subjects, index):
        # "von der leyn": one slip of the finger from a known name is that person.
        names.persons.setdefault(person.id, person)
        subjects.remove(subject)
        spans += (span,)
        said[person.name] = text[span[0]:span[1]]
    if intent == "search" and names.persons and _ON_TOPIC.search(text):
        intent = "statement"  # "zelensky on air defence"
    return Query(
        text=text, lang=language_of(text), intent=intent,
        persons=tuple(names.persons.values()), countries=tuple(names.countries), orgs=tuple(names.orgs),
        places=tuple(names.places), place_words=tuple(names.places.values()), role_title=role_title,
        role_persons=tuple(holders), role_scopes=tuple(scopes), date=date,
        concepts=tuple(topic_phrases(_topic_tokens(text, spans))),
        subjects=tuple(subjects),
        companions=bool(names.persons or holders) and bool(_COMPANION.search(text)),
        ambiguous=tuple(names.ambiguous), mention_spans=spans,
        said_as=said,
    )


def _asked_about(text: str, intent: str, index: EntityIndex) -> tuple[list[Mention], list[Mention]]:
    """Return the mentions of who the question is about, and those that say where (as places)."""
    found = [m for m in index.find_mentions(restore_codes(text)) if m.score >= 0.8 or len(m.text) >= 6]
    # "at the G7", "in Italy", "на Рамштайні": a country or a format that says where, not who.
    where = [m for m in found if m.entity.kind in ("country", "org") and _AT.search(text[:m.start])
             and not _PARTY_AFTER.match(text[m.end:])]
    if intent == "attendance":
        # "the BRICS summit", "на саміті БРІКС": an organisation next to an event word names
        # the meeting asked about.
        where += [m for m in found if m.entity.kind == "org" and m not in where and (
            _EVENT_AFTER.match(text[m.end:]) or _EVENT_BEFORE.search(text[:m.start]))]
    found = [m for m in found if m not in where]
    # "what did Orban say about Ukraine": a name after "about" is the topic, not who is asked about.
    mentions = [m for m in found if m.entity.kind == "place" or not _ABOUT.search(text[:m.start])]
    if intent in ("statement", "commitment", "agreement"):
        # "what did Trump say after meeting Zelensky", "what did France promise to Ukraine":
        # the other party is context, not who is asked about.
        mentions = [m for m in mentions if m.entity.kind == "place" or not _WITH.search(text[:m.start])]
    if intent == "attendance":
        # "who attended the NATO summit": an organisation names the meeting unless "from NATO".
        mentions = [m for m in mentions if m.entity.kind != "org" or (
            _FROM.search(text[:m.start]) and not _EVENT_AFTER.match(text[m.end:]))]
    return mentions, where


@dataclass
class _Names:
    """The question's names sorted by kind, first mention first."""

    persons: dict[str, Entity] = field(default_factory=dict)
    countries: dict[str, None] = field(default_factory=dict)
    orgs: dict[str, None] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)  # canonical name -> as written
    ambiguous: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)

    def add(self, m: Mention) -> None:
        """Add one mention."""
        entity = m.entity
        if entity.kind == "person":
            self.persons[entity.id] = entity
            alternatives = [a for a in m.alternatives if a.kind == "person"]
            if alternatives:  # "Kushner": Jared or Charles; the engine asks which, and looks for both
                self.ambiguous.append((m.text, tuple(e.id for e in (entity, *alternatives))))
                self.persons.update((a.id, a) for a in alternatives)
        elif entity.kind == "country":
            self.countries[entity.name] = None
        elif entity.kind == "org":
            self.orgs[entity.name] = None
        elif entity.kind == "place":
            self.places.setdefault(entity.name, m.text)


def _role_holders(text: str, index: EntityIndex, countries: list[str], orgs: list[str],
                  date: DateRange | None) -> tuple[str | None, list[Entity], list[str]]:
    """Resolve "the Canadian PM" or "NATO's secretary general" to who held the office."""
    if not (countries or orgs):
        return None, [], []
    title = index.titles.find(text)
    if not title:
        return None, [], []
    days = [date.start, date.end] if date and date.has_year else [None]
    found: dict[str, Entity] = {}
    scopes = []
    for kind, name in [("country", c) for c in countries] + [("org", o) for o in orgs]:
        before = len(found)
        for day in days:
            person = index.person_by_role(title, on=day, **{kind: name})
            if person:
                found.setdefault(person.id, person)
        if not date:
            for person in _all_holders(index, title, **{kind: name}):
                found.setdefault(person.id, person)
        if len(found) > before:
            scopes.append(name)
    return title, list(found.values()), scopes


def _title_spans(text: str, index: EntityIndex, title: str) -> tuple[tuple[int, int], ...]:
    """Return where the question names the office ("pm", "prime minister"), to keep it out of topics."""
    found = []
    tokens = words(text)
    for n in (3, 2, 1):
        for i in range(len(tokens) - n + 1):
            phrase = " ".join(t[2] for t in tokens[i:i + n])
            if index.titles.canonical(phrase) == title:
                found.append((tokens[i][0], tokens[i + n - 1][1]))
    return tuple(found)


def _all_holders(index: EntityIndex, title: str, *, country: str | None = None,
                 org: str | None = None) -> list[Entity]:
    wanted = index.titles.canonical(title)
    return [p for p, of_country, of_org in _roles(index).get(wanted, ())
            if (country is None or of_country == country) and (org is None or of_org == org)][:4]


_Role = tuple[Entity, str | None, str | None]  # who, and of what


def _roles(index: EntityIndex) -> dict[str, tuple[_Role, ...]]:
    """Return every role of the index's people by office (canonical), person by person (the
    shared default index's once: it never changes, and its 300 people's 600 roles took 0.3 ms
    a question; a question compares those of its office alone)."""
    return _default_roles() if index is EntityIndex.default() else _roles_of(index)


@cache
def _default_roles() -> dict[str, tuple[_Role, ...]]:
    return _roles_of(EntityIndex.default())


def _roles_of(index: EntityIndex) -> dict[str, tuple[_Role, ...]]:
    by_office: dict[str, list[_Role]] = {}
    for p in index.entities("person"):
        for r in p.roles:
            by_office.setdefault(index.titles.canonical(r.title), []).append((p, r.country, r.org))
    return {office: tuple(roles) for office, roles in by_office.items()}


def _topic_tokens(text: str, spans: tuple[tuple[int, int], ...]) -> list[str]:
    """Return the question's content words outside entity names, in order.

    A name leaves a break, so that "frozen Russian assets" never reads as "frozen assets".
    """
    tokens: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        if start >= pos:
            tokens += [*fts_tokens(text[pos:start]), BREAK]
            pos = end
    tokens += fts_tokens(text[pos:])
    return [t for t in tokens if t == BREAK or (t not in STOPWORDS and t not in INTENT_WORDS
            and (len(t) > 1 or t.isdigit()) and not _is_date_word(t))][:24]


def _is_date_word(token: str) -> bool:
    from bot.query.dates import month_number

    return (token.isdigit() and (len(token) == 4 or len(token) <= 2)) or (
        len(token) >= 3 and month_number(token) is not None and token not in {"march", "may"})


def _unknown_subjects(text: str, spans: tuple[tuple[int, int], ...]) -> list[str]:
    """Return who the question is about when those words hold no known name."""
    found = []
    for pattern in _SUBJECT:
        for m in pattern.finditer(text):
            start, end = m.span(1)
            if any(s < end and start < e for s, e in spans):
                continue
            words = [w for w in fts_tokens(m.group(1)) if w not in STOPWORDS and w not in _GROUP_WORDS
                     and w not in INTENT_WORDS and not w.isdigit()]
            if words and len(words) <= 4:
                found.append(" ".join(words))
    return list(dict.fromkeys(found))


def _slips(text: str, subjects: list[str], index: EntityIndex) -> list[tuple[str, Entity, tuple[int, int]]]:
    """Return the unknown subjects that are one slip of the finger (two in a long name) from a
    known person's name ("von der leyn", "macorn"), with that person and where the text says it."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    found = []
    people: tuple[str, ...] | None = None
    for subject in subjects:
        at = text.casefold().find(subject)
        if at < 0 or len(subject) < 5:
            continue  # "Lulu" is one letter from "Lula" and may be anyone
        slips = 1 if len(subject) < 8 else 2
        people = _people_names(index) if people is None else people
        if process.extractOne(subject, people, scorer=OSA.distance, score_cutoff=slips) is None:
            continue  # no one's name is that close, so none of the suggestions is (a fuzzy
            # search of every name costs 6 ms, this test a tenth of that)
        for entity in index.suggest(subject, limit=2):
            names = (entity.name, *entity.aliases)
            if entity.kind == "person" and min(OSA.distance(subject, n.casefold()) for n in names) <= slips:
                found.append((subject, entity, (at, at + len(subject))))
                break
    return found


def _people_names(index: EntityIndex) -> tuple[str, ...]:
    """Return every name and alias of the index's people, case-folded (the shared default
    index's once: it never changes)."""
    return _default_people_names() if index is EntityIndex.default() else _names_of_people(index)


@cache
def _default_people_names() -> tuple[str, ...]:
    return _names_of_people(EntityIndex.default())


def _names_of_people(index: EntityIndex) -> tuple[str, ...]:
    return tuple(n.casefold() for person in index.entities("person") for n in (person.name, *person.aliases))
