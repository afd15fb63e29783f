"""Who took part: named people in the event's own context, and role lists ("the Prime Ministers of
Albania, Belgium ... and the Czech Republic", "the British, Polish and Italian prime ministers")."""
from __future__ import annotations

import re
from collections.abc import Sequence

from bot.extract import lexicon
from bot.extract.agents import Agent
from bot.extract.alternation import alternatives, by_first_letter
from bot.extract.context import Context, Found
from bot.extract.meeting import EVENT_WORDS
from bot.extract.people import Person, people_in
from bot.extract.titles import ROLE, WORD_START, is_plural_role, tidy_role
from storage.records import Attendance, Commitment, Sentence, Statement

# A preposition governs a name when only names, titles and "and" stand between them.
_SPAN_WORD = r"(?:[A-ZÀ-ÞА-ЯІЇЄҐ@][\w.’'\-]*|of|the|and|for|to|та|і)"
_GOVERNED = re.compile(WORD_START + "(?i:" + by_first_letter(alternatives(
                       r"with|between|against|about|on|for|of|that|than|to|від|з|із|про|проти")) +
                       rf")\s+(?P<span>(?:{_SPAN_WORD},?\s+|,\s+){{0,14}})$")
# Words before "with" or "between" that make the people after them participants
# (data/language/*/encounter.txt), and cues that those named next took part (attendance.txt).
_MEETING = re.compile(r"(?i)" + WORD_START + lexicon.alternation("encounter") + r"\b")
# Another meeting than this one: past, proposed or possible ("proposed a meeting between ...").
# (data/language/en/other_meeting_words.txt, other_meeting_nouns.txt, proposing_verbs.txt)
_PAST = re.compile(r"(?i)\b" + lexicon.alternation("other_meeting_words", ("en",)) +
                   r"\s+(?:\w+\s+)?" + lexicon.alternation("other_meeting_nouns", ("en",)) +
                   r"\b|\b" + lexicon.alternation("proposing_verbs", ("en",)) + r"\s+an?\s+")
# Two cues are grammar, not words: "included:" before a list, "Also in Oslo were ...".
_CUE = re.compile(r"(?i)" + WORD_START + by_first_letter(
    [one for lang in lexicon.LANGUAGES for one in lexicon.fragments(lang, "attendance")] +
    [r"included(?=:)", r"also\s+in\s+[A-Z]\w+\s+were"]) + r"\b")
# In a speech, the speaker greets those present: "thank Secretary Hegseth for being here".
# (data/language/en/greeted.txt)
_GREETED = re.compile(r"(?i)\b" + lexicon.alternation("greeted", ("en",)) + r"\b")
# Taking part from afar: "joined by videolink", "took part virtually" (data/language/*/video_cues.txt).
_VIDEO = re.compile(r"(?i)\b" + lexicon.alternation("video_cues"))
_ITEM = r"(?:the\s+)?[A-ZÀ-ÞА-ЯІЇЄҐ][\w.’'\-]*(?:\s+[A-ZА-ЯІЇЄҐ][\w.’'\-]*){0,3}"
_SEP = r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|та|і)\s+)"
_PLURAL_OF = re.compile(rf"{WORD_START}(?P<role>(?i:{ROLE}|{lexicon.alternation('delegations', ('en',))}))"
                        r"\s+(?:of|from)\s+"
                        rf"(?P<list>{_ITEM}(?:{_SEP}{_ITEM})*)")
# Ukrainian puts the countries right after the title, in the genitive: "лідери Франції та Польщі".
_UK_LIST = re.compile(r"(?P<role>лідер\w*|президент\w*|прем[ʼ'’]?єр-міністр\w*|міністр\w*|"
                      rf"{lexicon.alternation('delegations', ('uk',))})\s+"
                      rf"(?P<list>{_ITEM}(?:{_SEP}{_ITEM})*)")
# Only a plural role counts in a match of _PLURAL_OF, and a plural role ends in "s" (or "и", "і"
# in Ukrainian: see is_plural_role) right before "of" or "from": most sentences hold no such
# words, and the pattern (every role title, case-insensitive, at every word) costs ~20 us a sentence.
_PLURAL_OF_FROM = re.compile(r"[sSиИіІ]\s+(?:of|from)\s")
# The capital first and then the check that no word character precedes it (what "\b" said before
# it): a pattern that starts with a class lets the engine skip from capital to capital.
_DEMONYM_LIST = re.compile(rf"(?P<list>[A-Z](?<!\w.)[\w-]*(?:{_SEP}[A-Z][\w-]*){{1,8}})\s+"
                           rf"(?P<role>{ROLE})\b")
_GENERIC = {"leader", "representative", "delegation", "лідер", "лідери"}
# The role written after a country or organisation ("the NATO Secretary General") or before it
# with "of" ("the Secretary General of NATO"); compiled once: building the role list's pattern
# text anew to look it up in re's cache cost more than the search.
_ROLE_AFTER = re.compile(rf"(?i)\s*(?P<role>{ROLE})\b(?![’']s)")
_ROLE_OF_BEFORE = re.compile(rf"(?i){WORD_START}(?P<role>{ROLE})\s+of\s+(?:the\s+)?$")


def extract_attendees(ctx: Context, *, host: Agent | None = None, transcript: bool = False,
                      speakers: frozenset[str] = frozenset()) -> list[Attendance]:
    """Return one attendance per person, and per country or organisation named only by role;
    ``host`` is the speaker of a transcript, named by its title; ``speakers`` are the people
    (ids or names) quoted in the document, who took part whatever the sentence says."""
    named = [p for p in _attending(ctx, transcript, speakers) if p.person_id or p.role]
    out = [_host(ctx, host)] if host else []
    out += [_named(ctx, p) for p in _unique(named)]
    for sentence in ctx.sentences:
        out.extend(_role_lists(ctx, sentence, out))
    return _dedupe(out)


# Speaking from elsewhere: "said in a joint statement", "wrote on X", "would travel to ..."
# (data/language/en/speaking_elsewhere.txt).
_REMOTE = re.compile(r"(?i)" + WORD_START + lexicon.alternation("speaking_elsewhere", ("en",)) + r"\b")


def active_people(statements: Sequence[Statement],
                  commitments: Sequence[Commitment]) -> frozenset[str]:
    """Return the people (ids, else names) who speak or commit in the document from the event
    itself: they took part even when their sentence does not say so."""
    speakers = {s.person_id or s.speaker for s in statements
                if s.speaker and not _REMOTE.search(s.text)}
    actors = {c.person_id or c.actor for c in commitments if c.person_id}
    return frozenset(p for p in speakers | actors if p)


def _attending(ctx: Context, transcript: bool, speakers: frozenset[str]) -> list[Person]:
    found = []
    header = next((s.index for s in ctx.sentences[1:] if re.search(r"[.!?]$", s.text)), 0)
    absent, listing = _absent(ctx), False
    for sentence in ctx.sentences:
        # "Among the leaders present were:" and then one bullet per leader
        item = listing and bool(_BULLET.match(sentence.text))
        listing = item or (sentence.text.endswith(":") and bool(_CUE.search(sentence.text)))
        if transcript and sentence.index > header and not (
                _CUE.search(sentence.text) or _GREETED.search(sentence.text)):
            continue  # a speech names people as topics; its header and greetings name participants
        people = [p for p in people_in(ctx, sentence)
                  if not p.possessive and (p.person_id or p.name) not in absent]
        if not people:
            continue  # most sentences name no one: skip the cue patterns below
        about_event = bool(item or EVENT_WORDS.search(sentence.text) or _CUE.search(sentence.text)
                           or (transcript and _GREETED.search(sentence.text)))
        for person in people:
            if not _takes_part(ctx, sentence, person):
                continue
            # Someone named in passing ("as Putin escalates ...") is not a participant.
            if about_event or (person.person_id or person.name) in speakers or \
                    sentence.index <= header:
                found.append(person)
    return found


_BULLET = re.compile(r"^[-•*–—]\s")
# "Putin, who had proposed the talks, did not come"; "X sent his defence minister instead".
# The phrases are in data/language/en/absence.txt, the verbs negated in */absent_verbs.txt.
_ABSENT = re.compile(r"(?i)\bdeclined\s+(?:an?|the|their|his|her)\s+(?:[\w-]+\s+){0,2}invitation\b|"
                     r"\b(?:did\s+not|didn[’']t)\s+" + lexicon.alternation("absent_verbs", ("en",)) +
                     r"\b|\b" + lexicon.alternation("absence", ("en",)) + r"\b|"
                     r"\bsent\b[^.;]*\binstead\b|\bне\s+" + lexicon.alternation("absent_verbs", ("uk",)))

# One of these is in every match of _ABSENT: the words of its grammar and of each phrase.
_ABSENT_WORDS = tuple(dict.fromkeys(("not", "n't", "n’t", "instead", "declined", "не ", *(
    lexicon.needle(entry) for entry in lexicon.words("en", "absence")))))


def _absent(ctx: Context) -> set[str]:
    """Return the people (ids, else names) the text says stayed away: those named before the cue."""
    out: set[str] = set()
    for sentence in ctx.sentences:
        low = sentence.text.lower()
        if not any(map(low.__contains__, _ABSENT_WORDS)):
            continue  # the pattern is costly and most sentences hold none of its words
        cue = _ABSENT.search(sentence.text)
        if cue:
            # Only the subject's clause: "A, represented by B after C skipped it": C alone.
            head = sentence.text[:cue.start()]
            clause = max((m.end() for m in _CLAUSE.finditer(head)), default=0)
            # "A, who met B on Monday, did not take part": A stayed away, not B.
            relative = _RELATIVE.search(head, clause)
            end = relative.start() if relative else cue.start()
            before = [p for p in people_in(ctx, sentence)
                      if sentence.start + clause <= p.start and p.end <= sentence.start + end]
            out.update(p.person_id or p.name for p in _subject(ctx, before))
    return out


def _subject(ctx: Context, people: list[Person]) -> list[Person]:
    """Return the last of ``people`` and those listed with it ("A, B and C did not come"), not
    the others of the clause ("Xi at the summit with Trump absent")."""
    if not people:
        return []
    out = [people[-1]]
    for p in reversed(people[:-1]):
        if not re.fullmatch(r"\s*(?:,|and|or|&|та|і)?\s*(?:and\s+)?", ctx.text[p.end:out[0].start]):
            break
        out.insert(0, p)
    return out


_RELATIVE = re.compile(r"(?i),\s*(?:who|whom|whose|which|який|яка|які|що)\b[^;]*,\s*$")
_CLAUSE = re.compile(r"(?i)[;—–]|\b(?:after|while|but|whereas|when|because|although|though)\b")


# "as Biden travelled to Poland to meet President Duda": a meeting elsewhere, next
# (data/language/en/travel_verbs.txt).
_ELSEWHERE = re.compile(r"(?i)\b" + lexicon.alternation("travel_verbs", ("en",)) +
                        r"\s+(?:on\s+)?to\s+(?:[\w’'-]+\s+){1,3}to\s+meet(?:\s+with)?\s+$")


def _takes_part(ctx: Context, sentence: Sentence, person: Person) -> bool:
    """Tell whether a mention is of a participant, not of a topic ("talks about Putin")."""
    head = _blank_people(ctx, sentence, person.start)
    if _ELSEWHERE.search(head):
        return False
    governed = _GOVERNED.search(head)
    quoted = ctx.in_quote(person.start, person.end)
    if governed:
        before = re.split(r"[,;:]|\band\b", head[:governed.start()])[-1]
        word = governed.group().split()[0].lower()
        if word == "of" and (head[:governed.start()].rstrip().endswith("Name") or
                             re.search(r",\s+and\s+$", governed.group("span"))):
            # "A of Australia, and B", "on behalf of the AU, and minister B": "of" ends its
            # phrase at ", and"; what follows is the clause's next party.
            return not quoted
        meeting = word in ("with", "between", "з", "із") and _MEETING.search(before)
        # "X skipped the summit in solidarity with Y": a meeting someone stayed away from.
        return bool(meeting) and not _PAST.search(before) and not _ABSENT.search(before)
    return not quoted


def _blank_people(ctx: Context, sentence: Sentence, upto: int) -> str:
    # Other people's titles ("Chancellor of Germany") must not govern the next name.
    head = ctx.text[sentence.start:upto]
    for p in people_in(ctx, sentence):
        if p.end <= upto:
            a, b = p.start - sentence.start, p.end - sentence.start
            head = head[:a] + "Name" + " " * (b - a - 4) + head[b:] if b - a >= 4 else head
    return head


def _named(ctx: Context, p: Person) -> Attendance:
    sentence = ctx.sentences[p.sentence]
    video = _VIDEO.search(sentence.text)
    mode = None
    if video and sentence.start + video.start() > p.start:
        # Only the people of the clause that says so: "..., while X took part virtually".
        between = ctx.text[p.end:sentence.start + video.start()]
        if not re.search(r",\s+(?:while|but|whereas)\b|;|\s[—–]\s", between):
            mode = "by video"
    elif re.search(r"(?i)\bin person\b", sentence.text):
        mode = "in person"
    country, org = (p.country, p.org) if p.country or p.org else _party_of(ctx, sentence, p)
    if not (country or org):
        country, org = _listed_with(ctx, sentence, p)
    return Attendance(name=p.name, role=p.role, country=None if org else country, org=org,
                      sentence=p.sentence, start=p.start, end=p.end, person_id=p.person_id,
                      mode=mode)


# "X was accompanied by A and B", "the US delegation included A", "C, represented by A": A and
# B are of X's (or C's) party.
_WITH_PARTY = re.compile(r"(?i)\b(?:was|were)\s+(?:accompanied|joined)\s+by\b|\brepresented\s+by\b|"
                         r"\bdelegations?\s+(?:included|includes|(?:was\s+)?(?:led|headed)\s+by)\b")


def _listed_with(ctx: Context, sentence: Sentence, p: Person) -> tuple[str | None, str | None]:
    """Return the one country of the others a party's list names ("accompanied by A, B and
    Foreign Minister C of X": A and B are of X too)."""
    cue = _WITH_PARTY.search(sentence.text)
    if not cue or sentence.start + cue.end() > p.start:
        return None, None
    members = [q for q in people_in(ctx, sentence) if q.start >= sentence.start + cue.end()]
    scopes = {(q.country, q.org) for q in members if q.country or q.org}
    return next(iter(scopes)) if len(scopes) == 1 else (None, None)


def _party_of(ctx: Context, sentence: Sentence, p: Person) -> tuple[str | None, str | None]:
    """Return the country or organisation of the party whose members a sentence lists."""
    cue = _WITH_PARTY.search(sentence.text)
    if not cue or sentence.start + cue.end() > p.start:
        return None, None
    head_end = sentence.start + cue.start()
    leads = [q for q in people_in(ctx, sentence) if q.end <= head_end and (q.country or q.org)]
    if leads:
        return leads[-1].country, leads[-1].org
    scopes = [f for f in ctx.mentions(sentence) if f.kind in ("country", "org") and f.end <= head_end]
    if not scopes:
        return None, None
    return (scopes[-1].name, None) if scopes[-1].kind == "country" else (None, scopes[-1].name)


def _host(ctx: Context, host: Agent) -> Attendance:
    entity = ctx.index.get(host.person_id) if host.person_id else None
    return Attendance(name=entity.name if entity else None, role=host.role,
                      country=host.country, org=host.org, sentence=0, start=0,
                      end=len(ctx.sentences[0].text) if ctx.sentences else 0,
                      person_id=host.person_id)


def _unique(people: list[Person]) -> list[Person]:
    seen: dict[str, Person] = {}
    for p in people:
        key = p.person_id or p.name.lower()
        if key not in seen or (p.role and not seen[key].role):
            seen[key] = p if key not in seen else _merge(seen[key], p)
    return list(seen.values())


def _merge(first: Person, better: Person) -> Person:
    from dataclasses import replace

    return replace(first, role=better.role, country=first.country or better.country,
                   org=first.org or better.org)


def _role_lists(ctx: Context, sentence: Sentence, known: list[Attendance]) -> list[Attendance]:
    """Return attendances for roles named without a person, in sentences about taking part."""
    found = [f for f in ctx.mentions(sentence) if f.kind in ("country", "org")]
    inside = [(p.start, p.end) for p in people_in(ctx, sentence)]
    free = [f for f in found if not any(s <= f.start < e for s, e in inside)
            and not ctx.in_quote(f.start)]
    leaders = _org_leaders(ctx, sentence)
    if not free:  # every role list and single below attends through a free mention
        return leaders
    out: list[Attendance] = []
    cue = _CUE.search(sentence.text)
    for pattern in (_PLURAL_OF, _UK_LIST, _DEMONYM_LIST):
        if pattern is _PLURAL_OF and not _PLURAL_OF_FROM.search(sentence.text):
            continue
        for m in pattern.finditer(sentence.text):
            if not is_plural_role(m.group("role")) and pattern is not _DEMONYM_LIST:
                continue
            a, b = sentence.start + m.start("list"), sentence.start + m.end("list")
            role = tidy_role(m.group("role"))
            for f in free:
                if a <= f.start < b:
                    out.append(_by_role(sentence, f, role))
    if cue:
        out.extend(_singles(ctx, sentence, free, cue.start(), text_at(sentence, cue.end())))
    return out + leaders


def _singles(ctx: Context, sentence: Sentence, free: list[Found], cue_at: int,
             cue_text: str) -> list[Attendance]:
    # "the NATO Secretary General", "Turkish vice-president", "Canada, Australia and New Zealand".
    out = []
    text = sentence.text
    stop = re.search(r",\s+with\b|\s[–—]\s|;|\bwith backing\b", text[cue_at:])
    limit = sentence.start + cue_at + (stop.start() if stop else len(text))
    if cue_text.startswith(":"):
        limit = sentence.end  # "The meeting also included: A; B; C"
    for f in free:
        if f.start < sentence.start + cue_at or f.start > limit or \
                ctx.text[f.end:f.end + 2] in ("'s", "’s"):
            continue
        before = ctx.text[f.start - 80:f.start]
        role = _ROLE_AFTER.match(ctx.text[f.end:f.end + 80]) or \
            (_ROLE_OF_BEFORE.search(before) if _ends_in_of(before) else None)
        # "Russian assets" is an adjective; "Australia and New Zealand" is a list.
        adjective = re.match(r"\s+(?!(?:and|or|as|with|too|also)\b)[a-z]", ctx.text[f.end:f.end + 8])
        if role or (f.kind == "country" and not adjective and not _modifier(ctx, f)):
            out.append(_by_role(sentence, f, tidy_role(role.group("role")) if role else None))
    return out


# "the invasion of Ukraine", "a summit in Malaysia", "a Thailand-Cambodia deal": a country
# after a preposition or joined by a hyphen says where or about what, not who came ("Fumio
# Kishida of Japan": "of" after a name gives the name's country).
_GOVERNING = re.compile(r"(?i)\b(?:of|in|into|on|over|against|about|to|across)\s+(?:the\s+)?$")
_NAME_OF = re.compile(r"[A-Z][\w’'\-]*\s+of\s+(?:the\s+)?$")


def _modifier(ctx: Context, f: Found) -> bool:
    if "-" in (ctx.text[f.start - 1:f.start], ctx.text[f.end:f.end + 1]):
        return True
    before = ctx.text[max(0, f.start - 40):f.start]
    return bool(_GOVERNING.search(before)) and not _NAME_OF.search(before)


def _ends_in_of(text: str) -> bool:
    # What every match of _ROLE_OF_BEFORE ends with: "of" or "of the", then spaces (str.isspace
    # and str.rstrip take the characters \s does). Most names follow no "of": the pattern, which
    # tries every title at every word, is skipped for them.
    return text[-1:].isspace() and text.rstrip()[-3:].lower().endswith(("of", "the"))


def text_at(sentence: Sentence, offset: int) -> str:
    """Return the sentence text from a sentence-relative offset."""
    return sentence.text[offset:]


def _org_leaders(ctx: Context, sentence: Sentence) -> list[Attendance]:
    # "the G7 leaders supported ...", "The coalition leaders reaffirmed ..." (not "leaders’ summit").
    out: list[Attendance] = []
    if "eaders" not in sentence.text and "EADERS" not in sentence.text:
        return out  # the pattern below tries every word of every sentence
    for m in re.finditer(r"(?i)\b(?P<org>[\w-]+(?:\s+of\s+the\s+willing)?)\s+leaders\b(?![’'])",
                         sentence.text):
        verb = re.match(r"\s+(?:\w+ly\s+|on\s+\w+\s+|also\s+)?(?:[a-z]+ed|agree|met|meet|are|were|"
                        r"have|will|say|said)\b", sentence.text[m.end():])
        if ctx.in_quote(sentence.start + m.start()) or not verb:
            continue  # only leaders who act: "the G7 leaders supported ...", not "call NATO leaders"
        word = m.group("org")
        org = ctx.index.org(word) if word[:1].isupper() or word.lower() != "coalition" else None
        if word.lower() == "coalition" and ctx.meeting_format and "oalition" in ctx.meeting_format:
            org = ctx.meeting_format
        if org:
            out.append(Attendance(name=None, role=f"{word} leaders", country=None, org=org,
                                  sentence=sentence.index, start=sentence.start + m.start(),
                                  end=sentence.start + m.end()))
    return out


def _by_role(sentence: Sentence, f: Found, role: str | None) -> Attendance:
    is_org = f.kind == "org"
    return Attendance(name=None, role=role, country=None if is_org else f.name,
                      org=f.name if is_org else None, sentence=sentence.index,
                      start=f.start, end=f.end)


def _dedupe(rows: list[Attendance]) -> list[Attendance]:
    """Keep one row per person and per (country or org, role); a named person of a country
    makes a generic "leader of that country" row redundant."""
    named_scopes = {(r.country or r.org) for r in rows if r.name}
    out: list[Attendance] = []
    seen: set[tuple[str | None, ...]] = set()
    for r in rows:
        scope = r.country or r.org
        if not r.name and scope in named_scopes and (r.role is None or r.role.lower() in _GENERIC
                                                     or any(o.name and o.role == r.role and
                                                            (o.country or o.org) == scope
                                                            for o in rows)):
            continue
        role = "leader" if r.role and re.search(r"(?i)\bleaders?$", r.role) else r.role
        key = (r.person_id or r.name, None, None) if r.name else (None, scope, role)
        if key in seen or (not r.name and r.role is None and any(
                (o.country or o.org) == scope and not o.name and o.role for o in rows)):
            continue
        seen.add(key)
        out.append(r)
    return out
