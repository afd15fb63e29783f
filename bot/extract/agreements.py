"""Documents signed or announced: "signed a 10-year bilateral security agreement with France",
"a joint declaration by all Coalition countries ... were signed", "a chair's statement"."""
from __future__ import annotations

import re
from dataclasses import replace

from bot.extract.agents import Discourse, format_label, parse_agent, signatories
from bot.extract.alternation import by_first_letter
from bot.extract.context import Context
from bot.extract.lexicon import LANGUAGES, alternation, fragments
from storage.records import Agreement, Commitment, Sentence

# The nouns live in data/language/<lang>/agreement_nouns.txt.
_NOUN = alternation("agreement_nouns")
_STOP = (r"(?:and|that|which|of|in|to|for|on|with|by|the|a|an|is|are|was|were|has|have|had|"
         r"its|their|this|these|signed|under|from|at|як|та|і|що)")
_MOD = rf"(?:(?!{_STOP}\b)[\w’'\"“”‘.,–-]+\s+)"
# What follows the noun: "with France", "on the Establishment of ...", "worth 4 billion euros";
# never a date, a place or the sidelines of a summit.
_PP = (r"(?:\s+(?:on(?!\s+(?:the\s+)?(?:sidelines|\d|(?-i:[A-Z][a-z]+day)|(?-i:[A-Z][a-z]+\s+\d)))|"
       r"between|with|by|of|for|worth|про|між|з)\s+(?:(?!\s(?:and\s+an?|that|which|aimed|to|"
       r"establishing|who|were|was|is|are|will|could|in|at|during|after|before|on\s+(?:the\s+)?"
       r"sidelines|on\s+(?-i:[A-Z][a-z]+\s+\d|\d|[A-Z][a-z]+day))\b)(?:[^.;:,]|"
       r"(?<=\b[A-Z])\.(?=[A-Z]\.)|(?<=\b[A-Z]\.[A-Z])\.(?!\s+[A-Z])|"  # "with the U.K."
       r",(?=\s+(?:and\s+)?(?:the\s+)?"
       r"(?-i:[A-Z]))))+)?")
_NP = re.compile(rf"(?i)(?:\b(?:an?|the|its|their|today[’']s)\s+)?(?P<np>(?<![\w-]){_MOD}{{0,6}}?"
                 rf"{_NOUN}(?:[\"”’']?\s+{_NOUN})?\b{_PP})")
# Signing verbs (commitment_signed.txt) and the verbs that issue a document (document_verbs.txt).
_SIGN = re.compile(r"(?i)\b" + by_first_letter(
    [one for name in ("commitment_signed", "document_verbs") for lang in LANGUAGES
     for one in fragments(lang, name)]) + r"\b")
# Every match of _SIGN, _PASSIVE, _MENTION or _PROGRESS holds one of these words.
_WORDS = ("sign", "inked", "concluded", "підписа", "погодили", "issue", "publish", "опублікува",
          "adopted", "endorsed", "statement", "declaration", "заяв", "document")
# A document issued, adopted or endorsed is agreed, not signed.
_ISSUED = re.compile(r"(?i)issu|adopt|endors")
_UNSIGNED = re.compile(r"(?i)\b(?:could|would|will|may|might|to|not|expected\s+to|plan\w*\s+to)\s+"
                       r"(?:be\s+)?(?:sign|issue)|\bhas\s+not\b|\bhave\s+not\b|\bissue\b")
_PASSIVE = re.compile(r"(?i)\b(?:was|were|have\s+been|has\s+been)\s+(?:not\s+|never\s+)?"
                      r"(?:signed|adopted|endorsed)\b|"
                      r"(?<=,)\s*(?:signed|adopted|endorsed)\s+by\b")
# "extended by mutual agreement" says how, and names no document.
_MANNER = re.compile(r"(?i)^(?:mutual|common|general|unanimous|joint)\s+(?:agreement|accord|consent)$")
_MENTION = re.compile(r"(?i)\b(?:joint|chair[’']s|спільн\w+)\s+(?:statement|declaration|заяв\w+)")
_PROGRESS = re.compile(r"(?i)\b(?:progress|work\w*|negotiat\w+)\s+on\s+(?P<np>documents?\s+"
                       r"(?:on|concerning|regarding)\s+[^.,;]+)")
# A title that names the document itself: "Joint Statement of ...", "Leaders' Declaration on ...",
# "The Busan Communiqué" (a proper title is capitalised; "a declaration" in a headline is news).
_JOINT = re.compile(r"(?i)^(?:joint\s+statement|joint\s+declaration|спільна\s+заява|"
                    r"спільна\s+декларація)\b")
_TITLE_DOC = re.compile(rf"{_JOINT.pattern}|^(?:(?:The|[A-Z][\w’'.+-]*)\s+){{0,4}}"
                        r"(?-i:Declaration|Communiqu[ée]|Chair[’']s\s+Statement|Joint\s+Statement)\b")


# A title with a document's word in a text its authors speak in ("we") is that document.
_DOC_WORD = re.compile(r"(?i)\b(?:statement|declaration|communiqu[ée])\b")


def extract_agreements(ctx: Context, disc: Discourse) -> list[Agreement]:
    """Return the documents the text says were signed, agreed or issued, merged by title."""
    out: list[Agreement] = []
    for sentence in ctx.sentences:
        if sentence.index == 0 and (_TITLE_DOC.match(sentence.text) or (
                _DOC_WORD.search(sentence.text) and signatories(ctx))):
            named = _NP.match(sentence.text) if not _JOINT.match(sentence.text) else None
            # a proper title keeps the document's name, without what the headline adds
            title = named.group("np") if named and named.start("np") == 0 else sentence.text
            authors = signatories(ctx)
            out.append(_agreement(ctx, sentence, title, 0, False, [authors] if authors else []))
            continue
        out.extend(_in_sentence(ctx, disc, sentence))
    merged = _merge(_merge(out))  # twice: a merged title can match a mention seen earlier
    if ctx.language != "en":
        return merged
    return [_named_by_event(ctx, row) if not row.parties else _named_by_parties(row)
            for row in merged]


# "the declaration", "a joint statement": a title that is only the kind of document
_BARE = re.compile(rf"(?i)(?:the\s+|an?\s+)?(?:new\s+|joint\s+|historic\s+)*{_NOUN}")


# "the Lima Climate Summit", "the Pacific Islands Forum": a named event before a document
_EVENT_NAME = re.compile(r"\b(?:[A-Z][\w’'-]*\s+){1,5}(?:Summit|Conference|Forum|Council|Meeting|Dialogue)\b")


def _named_by_event(ctx: Context, row: Agreement) -> Agreement:
    """Name a document that only its kind names, and no party, by the event its sentence names
    before it: "the Lima Ocean Summit ended, and its joint declaration ..." -> "Lima Ocean Summit
    joint declaration"."""
    if not _BARE.fullmatch(row.title) or not 0 <= row.sentence < len(ctx.sentences):
        return row
    sentence = ctx.sentences[row.sentence]
    events = list(_EVENT_NAME.finditer(sentence.text[:row.start - sentence.start]))
    if not events:
        return row
    name = re.sub(r"^(?:The|At|In|During|After)\s+", "", events[-1].group())
    kind = re.sub(r"(?i)^(?:the|an?)\s+", "", row.title)
    return replace(row, title=f"{name} {kind}")


def _named_by_parties(row: Agreement) -> Agreement:
    """Name a document the text calls only by its kind by its parties, as readers tell such
    documents apart: "a declaration" signed by Chile and Peru is the "Chile–Peru declaration"."""
    if not row.parties or not _BARE.fullmatch(row.title):
        return row
    kind = re.sub(r"(?i)^(?:the|an?)\s+", "", row.title)
    return replace(row, title=f"{'–'.join(row.parties)} {kind}")


def _in_sentence(ctx: Context, disc: Discourse, sentence: Sentence) -> list[Agreement]:
    text = sentence.text
    found: list[Agreement] = []
    low = text.lower()
    if not any(map(low.__contains__, _WORDS)):
        return found  # most sentences name no document: skip the patterns below
    for sign in _SIGN.finditer(text):
        if re.search(r"(?i)\bnot\s+$|\bhas\s+not\s+$", text[:sign.start()][-10:]) and \
                sign.group().lower() != "sign":
            continue  # "has not issued a statement" names none; "did not sign X" names X
        unsigned = bool(_UNSIGNED.search(text[max(0, sign.start() - 20):sign.end()]))
        parties = _subject_parties(ctx, disc, sentence, sign.start())
        for np in _objects(text, sign.end()):
            if _anaphoric(text, np.start("np"), np.group("np")):
                continue  # "signed the agreement on Ukraine's behalf" is the one named before
            found.append(_agreement(ctx, sentence, np.group("np"), np.start("np"),
                                    not unsigned and not _ISSUED.match(sign.group()), parties))
    for passive in _PASSIVE.finditer(text):
        before = list(_NP.finditer(text[:passive.start()]))
        nps = _objects(text, passive.end()) if text[passive.end():].lstrip().startswith(":") \
            else before[-1:]
        refused = re.search(r"(?i)\b(?:not|never)\b", passive.group())  # "was not signed"
        for np in nps:
            found.append(_agreement(ctx, sentence, np.group("np"), np.start("np"), not refused, []))
    for m in list(_MENTION.finditer(text)) + list(_PROGRESS.finditer(text)):
        if not any(a.start <= sentence.start + m.start() < a.end for a in found):
            np = _NP.search(text, m.start()) if "np" not in m.groupdict() else m  # type: ignore[assignment]
            if np and not re.search(r"(?i)\bnot\s+\w+\s+(?:an?\s+|the\s+)?$", text[:m.start()]):
                found.append(_agreement(ctx, sentence, np.group("np"), np.start("np"), False, []))
    return found


def _anaphoric(text: str, at: int, np: str = "") -> bool:
    """Tell whether a noun phrase is "the agreement ...": a reference back, not a new one. One
    that says what it is about ("the declaration on the admission of X") is a new one."""
    about = re.match(rf"(?i){_NOUN}\s+(?:on|about|between|establishing)\s+(?!\S+\s+behalf\b)", np)
    return bool(re.search(r"(?i)\b(?:the|this|that)\s+$", text[:at])) and bool(
        re.match(rf"(?i){_NOUN}\b", text[at:])) and text[at:at + 1].islower() and not about


def _objects(text: str, at: int) -> list[re.Match[str]]:
    """Return the noun phrases that follow a signing verb, up to the end of its clause."""
    rest = text[at:]
    first = _NP.search(rest)
    if not first or first.start() > 60 or re.search(r"[.;]", rest[:first.start()]):
        return []
    out = [first]
    more = re.match(r"\s+and\s+(?:an?|the)\s+", rest[first.end():])
    if more:
        second = _NP.search(rest, first.end())
        if second:
            out.append(second)
    return [_shift(m, at) for m in out]


class _Shifted:
    """A match moved by an offset, so that callers see sentence positions."""

    def __init__(self, match: re.Match[str], offset: int) -> None:
        self._m, self._o = match, offset

    def group(self, name: str) -> str:
        return self._m.group(name)

    def start(self, name: str) -> int:
        return self._m.start(name) + self._o


def _shift(match: re.Match[str], offset: int) -> re.Match[str]:
    return _Shifted(match, offset)  # type: ignore[return-value]


def _subject_parties(ctx: Context, disc: Discourse, sentence: Sentence, at: int) -> list[str]:
    head = sentence.text[:at]
    clause = r",(?!\s*(?:and\s+)?[A-ZА-ЯІЇЄҐ])|[;:“”\"]|\bwhere\b|\bthat\b"
    cut = max((m.end() for m in re.finditer(clause, head)), default=0)
    agent = parse_agent(ctx, disc, sentence, sentence.start + cut, sentence.start + at)
    people = [p for p in disc.people if p.sentence == sentence.index and
              sentence.start + cut <= p.start < sentence.start + at]
    countries = [p.country for p in people if p.country]
    if agent and agent.country:
        countries.append(agent.country)
    elif agent and agent.collective:
        countries.extend(f.name for f in ctx.mentions(sentence) if f.kind == "country"
                         and sentence.start + cut <= f.start < sentence.start + at)
        if not countries and " and " in agent.label:
            countries.extend(re.split(r",\s*|\s+and\s+", agent.label))
    return list(dict.fromkeys(countries))


def _agreement(ctx: Context, sentence: Sentence, title: str, at: int, signed: bool,
               parties: list[str]) -> Agreement:
    title = title.strip(" ,'\"“”‘’")
    title += "." if re.search(r"\b[A-Z]\.[A-Z]$", title) else ""  # "the U.K" cut at its last dot
    start = sentence.start + at
    named = [f.name for f in ctx.mentions(sentence) if start <= f.start < start + len(title)
             and f.kind in ("country", "org")]
    by = re.search(r"(?i)\bby\s+(?:all\s+)?(?P<who>[^,]+)$", title)
    if not named and by and re.search(r"(?i)countries|members|partners", by.group("who")):
        named = [format_label(ctx, by.group("who").strip())]  # "by all Coalition countries"
    return Agreement(title=title, parties=_unique(parties + named), signed=signed,
                     sentence=sentence.index, start=start, end=start + len(title))


def _merge(rows: list[Agreement]) -> list[Agreement]:
    """Merge mentions of one document: shared title words or the same two or more parties."""
    out: list[Agreement] = []
    for row in rows:
        if len(_stems(row.title)) < 2 and not row.parties or _MANNER.match(row.title):
            continue  # "the agreement" alone refers back to one already found
        for i, kept in enumerate(out):
            if _same(kept, row):
                best = max(kept, row, key=_formality)
                out[i] = replace(best, signed=kept.signed or row.signed,
                                 parties=_unique(list(kept.parties + row.parties)))
                break
        else:
            out.append(row)
    return out


def _unique(parties: list[str]) -> tuple[str, ...]:
    """Return the parties once each, whatever their case."""
    seen: dict[str, str] = {}
    for party in parties:
        seen.setdefault(party.casefold(), party)
    return tuple(seen.values())


def _same(a: Agreement, b: Agreement) -> bool:
    pa, pb = {p.lower() for p in a.parties}, {p.lower() for p in b.parties}
    if len(pa) >= 2 and len(pb) >= 2:
        return pa == pb  # two bilateral agreements with different partners stay apart
    sa, sb = _stems(a.title), _stems(b.title)
    small = min(len(sa), len(sb))
    return bool(small) and len(sa & sb) * 2 >= small and len(sa & sb) >= 1 and (
        not pa or not pb or bool(pa & pb))


def _stems(title: str) -> set[str]:
    words = re.findall(r"\w+", title.lower())
    return {w[:4] for w in words if len(w) > 3 and w not in {"with", "between", "their", "that"}}


def _formality(row: Agreement) -> tuple[int, int]:
    # A formal name ("Agreement on the Establishment of ...") beats a description.
    capitals = sum(w[:1].isupper() for w in row.title.split())
    return capitals, len(row.title)


def signed_commitments(agreements: list[Agreement], known: list[Commitment]) -> list[Commitment]:
    """Return a "signed" commitment for each signed agreement whose parties signed no other."""
    actors = {frozenset(re.split(r",\s*|\s+and\s+", c.actor.casefold()))
              for c in known if c.kind == "signed"}
    sentences = {c.sentence for c in known if c.kind == "signed"}
    out = []
    for a in agreements:
        if not a.signed or len(a.parties) < 1:
            continue
        label = ", ".join(a.parties[:-1]) + " and " + a.parties[-1] if len(a.parties) > 1 \
            else a.parties[0]
        if frozenset(p.casefold() for p in a.parties) not in actors and a.sentence not in sentences:
            out.append(Commitment(actor=label, action=f"signed {a.title}", kind="signed",
                                  sentence=a.sentence, start=a.start, end=a.end,
                                  collective=len(a.parties) > 1))
    return out
