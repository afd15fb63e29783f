"""Find the people a sentence names, with the role and country the text gives them.

"German Chancellor Friedrich Merz", "President of France Emmanuel Macron", "U.S. Ambassador to
France Charles Kushner", "канцлер Німеччини Фрідріх Мерц": a name known to the gazetteer, or an
unknown capitalised name right after an office title, is a person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extract import lexicon
from bot.extract.context import Context, Found
from bot.extract.titles import ROLE, ROLE_AT_END, ROLE_RE, ROLE_WORDS, tidy_role
from storage.records import Sentence

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯІЇЄҐ"
_LOWER = "a-zà-öø-ÿā-žа-яіїєґʼ'’\\-"
# A word of a name may have a second capital: "McConnell", "Al-Khulaifi".
_WORD = rf"[{_UPPER}][{_LOWER}]+(?:[{_UPPER}][{_LOWER}]+)?"
_PARTICLE = r"(?:von|van|der|den|de|da|di|al|bin|le|la|dos|du)"
# The capital comes first and the check that no letter or dot precedes it after: a pattern that
# starts with a class lets the engine skip from capital to capital (twice as fast, same matches).
# Arabic names join the article to the word: "Abdel Fattah el-Sisi", "Mohammed Shia al-Sudani".
_ARTICLE = r"(?:(?:al|el|ad|ash|as)-)?"
NAME_RE = re.compile(rf"[{_UPPER}](?<![\w.].)[{_LOWER}]+(?:\s+(?:{_PARTICLE}\s+)*{_ARTICLE}{_WORD})"
                     r"{1,4}")
_TITLE_FIRST = re.compile(rf"(?i){ROLE}\b")
_QUALIFIER = re.compile(r"(?:(?:[A-Z][\w.’'\-]*|the)\s+){1,4}$")
_POSSESSIVE = re.compile(r"^[’']s?\b")
_NON_SPACE = re.compile(r"\S+")
# Capitalised words that start sentences, and words that name things: never part of a person's
# name (data/language/en/not_name_words.txt, thing_words.txt).
_NOT_NAMES = frozenset(lexicon.words("en", "not_name_words"))
_THING_WORDS = frozenset(lexicon.words("en", "thing_words"))


@dataclass(frozen=True)
class Person:
    """A person named in a sentence."""

    name: str  # canonical gazetteer name, or the name as written
    written: str
    person_id: str | None
    role: str | None
    country: str | None
    org: str | None
    start: int  # document offset of the role and name together
    end: int
    sentence: int
    possessive: bool = False


def people_in(ctx: Context, sentence: Sentence) -> tuple[Person, ...]:
    """Return the people named in ``sentence``, in text order."""
    # A tuple, shared by every rule that asks (about five per sentence): none can change it, so
    # no copy is made per call.
    key = ("people", sentence.index)
    found: tuple[Person, ...] | None = ctx.cache.get(key)
    if found is None:
        found = ctx.cache[key] = tuple(_people_in(ctx, sentence))
    return found


def _people_in(ctx: Context, sentence: Sentence) -> list[Person]:
    found = ctx.mentions(sentence)
    people = [_from_known(ctx, sentence, m, found) for m in found if m.kind == "person"]
    taken = [(p.start, p.end) for p in people]
    for match in NAME_RE.finditer(sentence.text):
        start, text = _trim(ctx, sentence, match.start(), match.group(), found)
        if start > match.start():
            # The title took words the name needs: "Armenian Prime Minister Nikol Pashinyan"
            # is four words, the most a match holds; match again from the name's first word.
            again = NAME_RE.match(sentence.text, start)
            if again and again.end() > match.end():
                start, text = _trim(ctx, sentence, start, again.group(), found)
        if text is None:
            continue
        a, b = sentence.start + start, sentence.start + start + len(text)
        if any(s < b and a < e for s, e in taken):
            continue
        person = _from_unknown(ctx, sentence, start, text, found) or \
            _from_apposition(ctx, sentence, start, text, found)
        if person:
            people.append(person)
            taken.append((person.start, person.end))
    return sorted(people, key=lambda p: p.start)


def _trim(ctx: Context, sentence: Sentence, start: int, text: str,
          found: list[Found]) -> tuple[int, str | None]:
    # Drop leading title words, demonyms and stop words: "German Chancellor Friedrich Merz".
    words = list(_NON_SPACE.finditer(text))
    others = [(f.start, f.end) for f in found if f.kind != "person"]
    after_title = False
    while words:
        word = words[0].group()
        at = sentence.start + start + words[0].start()
        covered = bool(others) and any(a <= at < b for a, b in others)
        # Right after a title a name starts, even one that looks like a stop word: "Vice
        # Premier He Lifeng" (He is a family name).
        stop = word.lower() in _NOT_NAMES and not (after_title and len(words) > 1)
        if covered or stop or word.lower() in ROLE_WORDS:
            words.pop(0)
            continue
        title = _TITLE_FIRST.match(text, words[0].start())  # "Commerce Secretary", "Vice Premier"
        if title:
            words = [w for w in words if w.start() >= title.end()]
            after_title = True
            continue
        break
    if len(words) < 2:  # where the name would start, for a match that the title ran into
        return start + (words[0].start() if words else len(text)), None
    first, last = words[0], words[-1]
    text_out = text[first.start():last.end()]
    if any(w.group().lower().strip("’'s") in _THING_WORDS for w in words):
        return start, None
    return start + first.start(), text_out


def _from_known(ctx: Context, sentence: Sentence, m: Found, found: list[Found]) -> Person:
    role, country, org, begin = _prefix(ctx, sentence, m.start - sentence.start, found)
    entity = m.entity
    if role is None or not (country or org):
        # "Secretary General Mark Rutte": the gazetteer knows whose Secretary General he is.
        known, r_country, r_org = _entity_role(ctx, entity, role)
        role, country, org = role or known, country or r_country, org or r_org
    return Person(name=entity.name, written=m.text, person_id=entity.id, role=role,
                  country=country or (None if org else entity.country), org=org,
                  start=sentence.start + begin, end=m.end, sentence=sentence.index,
                  possessive=bool(_POSSESSIVE.match(ctx.text[m.end:m.end + 3])))


def _from_unknown(ctx: Context, sentence: Sentence, start: int, text: str,
                  found: list[Found]) -> Person | None:
    role, country, org, begin = _prefix(ctx, sentence, start, found)
    if role is None:
        return None
    end = sentence.start + start + len(text)
    name = text[:-2] if text.endswith(("’s", "'s")) else text
    if not (country or org):  # "Prime Minister Anwar Ibrahim of Malaysia": the scope follows
        scope = _scope_after(ctx, end, found)
        if scope:
            country, org = (scope.name, None) if scope.kind == "country" else (None, scope.name)
            end = scope.end
    return Person(name=name, written=name, person_id=None, role=role, country=country, org=org,
                  start=sentence.start + begin, end=end, sentence=sentence.index,
                  possessive=name != text)


_OF = re.compile(r"\s+of\s+")


def _scope_after(ctx: Context, end: int, found: list[Found]) -> Found | None:
    """Return the country or organisation named right after a name with "of"."""
    of = _OF.match(ctx.text, end)
    if not of:
        return None
    return next((f for f in found if f.kind in ("country", "org") and
                 f.start in (of.end(), of.end() + 4) and ctx.text[of.end():f.start] in ("", "the ")),
                None)


# A title in apposition after the name: "Jan Novak, the Czech prime minister, said", "Ana Silva,
# Portugal's foreign minister.", "Ян Новак, прем'єр-міністр Чехії," (only a possessive country or
# capitalised words stand between the comma and the title; a comma, full stop or "said" closes it).
_CAPITAL = r"(?-i:[A-ZА-ЯІЇЄҐ][\w.’'\-]*)"
# Only Ukrainian puts the country right after the title, in the genitive ("прем'єр-міністр
# Чехії"); in English a capitalised word after the title is the next person ("Vice Premier He").
_CYRILLIC_CAPITAL = r"(?-i:[А-ЯІЇЄҐ][\w.’'\-]*)"
_APPOSED = re.compile(rf"(?i),\s+(?:the\s+|then\s+)?(?:{_CAPITAL}(?:[’']s)?\s+){{0,3}}?"
                      rf"(?P<role>{ROLE})(?P<tail>\s+(?:of|to|for)\s+(?:the\s+)?{_CAPITAL}"
                      rf"(?:\s+{_CAPITAL})*|(?:\s+{_CYRILLIC_CAPITAL})+)?"
                      r"(?=\s*(?:,|\.|;|$|\s+said\b|\s+заяв))")


def _from_apposition(ctx: Context, sentence: Sentence, start: int, text: str,
                     found: list[Found]) -> Person | None:
    """Return an unknown name followed by its title: "Jan Novak, the Czech prime minister"."""
    after = start + len(text)
    if sentence.text[after:after + 1] != ",":
        return None
    match = _APPOSED.match(sentence.text, after)
    if not match:
        return None
    tail = match.group("tail") or ""
    to_for = tail.strip().lower().startswith(("to", "for"))
    role = tidy_role(match.group("role") + (tail if to_for else ""))
    # The scope is what the title is of: "the Czech", "Portugal's", or "of the Netherlands";
    # an ambassador's "to Norway" is where he serves, not whose he is.
    scope_end = match.end() if tail and not to_for else match.start("role")
    inside = [f for f in found if match.start() <= f.start - sentence.start < scope_end]
    country = next((f.name for f in inside if f.kind == "country"), None)
    org = next((f.name for f in inside if f.kind == "org"), None)
    return Person(name=text, written=text, person_id=None, role=role, country=country, org=org,
                  start=sentence.start + start, end=sentence.start + after,
                  sentence=sentence.index)


def _prefix(ctx: Context, sentence: Sentence, pos: int,
            found: list[Found]) -> tuple[str | None, str | None, str | None, int]:
    """Read the title before a name: (role, country, org, where the title starts)."""
    head = sentence.text[:pos]
    scope = [f for f in found if f.kind in ("country", "org")
             and f.end - sentence.start <= pos]
    # Ukrainian puts the country after the title: "канцлер Німеччини Фрідріх Мерц".
    cut = len(head.rstrip())
    for f in sorted(scope, key=lambda f: -f.end):
        between = head[f.end - sentence.start:cut]
        if f.end - sentence.start >= cut - 1 and re.fullmatch(r"[’'s\s,]*", between):
            cut = f.start - sentence.start
    match = _last_role(head) or (_last_role(head[:cut]) if cut < len(head.rstrip()) else None)
    if not match:
        return None, None, None, pos
    begin = match.start()
    qual = _QUALIFIER.search(head[:begin])
    if qual:
        begin = qual.start() + (4 if qual.group().startswith("the ") else 0)
    inside = [f for f in scope if f.start - sentence.start >= begin]
    role = tidy_role(match.group("role"))
    if match.group("tail") and match.group("tail").strip().lower().startswith(("to", "for")):
        role = tidy_role(match.group("role") + match.group("tail"))
        inside_role = [f for f in inside if f.start - sentence.start < match.start("tail")]
        inside = inside_role or []
    country = next((f.name for f in inside if f.kind == "country"), None)
    org = next((f.name for f in inside if f.kind == "org"), None)
    return role, country, org, begin


TITLE_WINDOW = 400  # characters: longer than any title with its "of the ..." tail


def _last_role(head: str) -> re.Match[str] | None:
    """Return the title that ends ``head`` and starts nearest to its end."""
    # A title ends right before the name, so only the end of ``head`` can hold it; scanning all
    # of it for every name made a long sentence quadratic (a 40 KB one took half a minute).
    for role in reversed(list(ROLE_RE.finditer(head, max(0, len(head) - TITLE_WINDOW)))):
        match = ROLE_AT_END.match(head, role.start())
        if match:
            return match
    return None


def _entity_role(ctx: Context, entity: object,
                 title: str | None) -> tuple[str | None, str | None, str | None]:
    """Return the gazetteer role held on the document's date, the one titled ``title`` if given."""
    on = ctx.doc.published or "9999"
    canonical = ctx.index.titles.canonical
    for role in getattr(entity, "roles", ()):
        if title and canonical(role.title) != canonical(title):
            continue
        if (role.start or "0000") <= on <= (role.end or "9999"):
            return role.title, role.country, role.org
    return None, None, None
